import type { OutputOf, operations } from "@opentrain-ai/contract";
import { eq } from "drizzle-orm";
import { jobs } from "../../db/schema.js";
import { badRequest, conflict } from "../../errors.js";
import { withTransaction, type Principal, type ServiceContext } from "../context.js";
import { settleReport } from "../job-drafts/update-draft.js";
import { applyPatch, columnsOf, fieldsOf, normalizeFields } from "./fields.js";
import { findOwnedJob } from "./find-owned-job.js";
import { moderateJob } from "./moderation.js";
import { moderationBlocked } from "./publish-job.js";
import { recordJobChange } from "./record-change.js";
import { slugify } from "./slug.js";
import { validateJob } from "./validation.js";

type UpdateResult = OutputOf<typeof operations.jobsUpdate>;

/**
 * PATCH /jobs/{jobId} on an OPEN job. The edit must keep the job publish-ready (else 400,
 * nothing saved) and is moderated again: on ALLOW it stays OPEN (UPDATED in the changes feed);
 * on BLOCK the edit is still saved, the job goes back to DRAFT (CLOSED in the feed) and the
 * answer is 409 moderation_blocked with what to fix.
 */
export async function updateLiveJob(
  ctx: ServiceContext,
  principal: Principal,
  jobId: string,
  patch: Record<string, unknown>,
): Promise<UpdateResult> {
  const outcome = await withTransaction(ctx, async (tx) => {
    const row = await findOwnedJob(tx, principal.accountId, jobId, { lock: true });
    if (row.status !== "OPEN") {
      const steer = row.status === "DRAFT" ? ` Edit a draft with PATCH /job-drafts/${row.id}.` : "";
      throw conflict(`Job ${row.id} is ${row.status}; only an OPEN job can be edited here.${steer}`, {
        reason: "job_not_open",
        jobId: row.id,
        status: row.status,
        requiredStatus: "OPEN",
      });
    }
    const fields = normalizeFields(applyPatch(fieldsOf(row), patch));
    const { validation, missingFields } = validateJob(fields);
    if (!validation.publishReady) {
      throw badRequest(
        `This edit would leave the live job incomplete (${[...validation.missingFields, ...validation.issues.map((i) => i.field)].join(", ")}); nothing was saved.`,
        { reason: "not_publish_ready", jobId: row.id, validation, missingFields },
      );
    }
    const now = tx.clock.now();
    const mod = moderateJob(fields);
    const blocked = mod.decision === "BLOCK";
    const columns = columnsOf(fields, row.importReport.hints);
    await tx.db
      .update(jobs)
      .set({
        ...columns,
        slug: slugify(fields.jobTitle),
        importReport: settleReport(row.importReport, Object.keys(patch)),
        status: blocked ? "DRAFT" : "OPEN",
        moderationDecision: mod.decision,
        moderationReasons: mod.reasons,
        moderatedAt: now,
        updatedAt: now,
      })
      .where(eq(jobs.id, row.id));
    const wasPublic = row.visibility === "PUBLIC";
    const isPublic = !blocked && columns.visibility === "PUBLIC";
    if (wasPublic && isPublic) await recordJobChange(tx, row.id, "UPDATED", now);
    else if (wasPublic && !isPublic) await recordJobChange(tx, row.id, "CLOSED", now);
    else if (!wasPublic && isPublic) await recordJobChange(tx, row.id, "PUBLISHED", now);
    return { jobId: row.id, mod };
  });
  if (outcome.mod.decision === "BLOCK") {
    throw conflict(
      `Moderation blocked this edit: ${outcome.mod.reasons.join("; ")}. The edit was saved and the job is back to DRAFT: fix it with PATCH /job-drafts/${outcome.jobId} and publish again.`,
      moderationBlocked(outcome.jobId, outcome.mod, "DRAFT"),
    );
  }
  return {
    ok: true,
    jobId: outcome.jobId,
    status: "OPEN",
    moderation: { decision: "ALLOW", reasons: [] },
  };
}
