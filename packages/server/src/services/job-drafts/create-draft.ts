import type { DraftResult } from "@opentrain-ai/contract";
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { jobs, type JobImportReport } from "../../db/schema.js";
import { conflict } from "../../errors.js";
import { newId } from "../../ids.js";
import type { Principal, ServiceContext } from "../context.js";
import { columnsOf, normalizeFields, type JobRow } from "../jobs/fields.js";
import { slugify } from "../jobs/slug.js";
import { buildDraftResult } from "./draft-result.js";
import { resolveDraftInput, runImport, type CreateDraftInput } from "./import/resolve-input.js";

/** JSON with sorted keys, so equal bodies hash equally whatever their key order. */
function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Hash of the request body without its idempotency key (top level or in source). */
export function bodyHash(input: CreateDraftInput): string {
  const { idempotencyKey: _a, ...rest } = input;
  const copy: Record<string, unknown> = { ...rest };
  if (input.source) {
    const { idempotencyKey: _b, ...source } = input.source;
    copy.source = source;
  }
  return createHash("sha256").update(stableStringify(copy)).digest("hex");
}

async function findByKey(ctx: ServiceContext, accountId: string, key: string): Promise<JobRow | null> {
  const [row] = await ctx.db
    .select()
    .from(jobs)
    .where(and(eq(jobs.accountId, accountId), eq(jobs.idempotencyKey, key)))
    .limit(1);
  return row ?? null;
}

/** Same key and same body: the same draft. Same key, different body: 409. */
function replay(ctx: ServiceContext, row: JobRow, hash: string): DraftResult {
  if (row.idempotencyBodyHash !== hash) {
    throw conflict(
      "This idempotencyKey was already used with a different request body; use a new key for a new draft.",
      { reason: "idempotency_key_reused", jobId: row.id, idempotencyKey: row.idempotencyKey },
    );
  }
  if (row.status !== "DRAFT") {
    throw conflict(
      `The draft created with this idempotencyKey is now ${row.status}; read it with GET /jobs/mine or edit it with PATCH /jobs/${row.id}.`,
      { reason: "job_not_draft", jobId: row.id, status: row.status },
    );
  }
  return buildDraftResult(ctx.config, row);
}

/**
 * POST /job-drafts: imports the payload into update-key fields and stores a DRAFT. Returns
 * `created: false` when an idempotency key replays an earlier request.
 */
export async function createDraft(
  ctx: ServiceContext,
  principal: Principal,
  input: CreateDraftInput,
): Promise<{ created: boolean; result: DraftResult }> {
  const resolved = resolveDraftInput(input);
  const hash = resolved.idempotencyKey ? bodyHash(input) : null;
  if (resolved.idempotencyKey && hash) {
    const existing = await findByKey(ctx, principal.accountId, resolved.idempotencyKey);
    if (existing) return { created: false, result: replay(ctx, existing, hash) };
  }
  const imported = runImport(resolved);
  const fields = normalizeFields(imported.fields);
  const report: JobImportReport = {
    warnings: imported.warnings,
    unmappedFields: imported.unmappedFields,
    lowConfidenceFields: imported.lowConfidenceFields.filter(
      (l) => (fields as Record<string, unknown>)[l.field] !== undefined,
    ),
    hints: imported.hints,
  };
  const now = ctx.clock.now();
  const [inserted] = await ctx.db
    .insert(jobs)
    .values({
      id: newId("job"),
      accountId: principal.accountId,
      createdByUserId: principal.userId,
      status: "DRAFT",
      slug: slugify(fields.jobTitle),
      ...columnsOf(fields, imported.hints),
      importFormat: resolved.format,
      importReport: report,
      externalId: resolved.externalId ?? imported.externalIdCandidate?.slice(0, 200) ?? null,
      idempotencyKey: resolved.idempotencyKey,
      idempotencyBodyHash: hash,
      moderationReasons: [],
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: [jobs.accountId, jobs.idempotencyKey] })
    .returning();
  if (!inserted) {
    // A concurrent request with the same key won the insert.
    const existing = await findByKey(ctx, principal.accountId, resolved.idempotencyKey!);
    return { created: false, result: replay(ctx, existing!, hash!) };
  }
  return { created: true, result: buildDraftResult(ctx.config, inserted) };
}
