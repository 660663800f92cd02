import type { DraftResult } from "@opentrain-ai/contract";
import { eq } from "drizzle-orm";
import { jobs, type JobImportReport } from "../../db/schema.js";
import { conflict } from "../../errors.js";
import { withTransaction, type Principal, type ServiceContext } from "../context.js";
import { applyPatch, columnsOf, fieldsOf, normalizeFields } from "../jobs/fields.js";
import { findOwnedJob } from "../jobs/find-owned-job.js";
import { slugify } from "../jobs/slug.js";
import { buildDraftResult } from "./draft-result.js";

/** Fields the human has now answered are no longer "low confidence". */
export function settleReport(report: JobImportReport, patchedKeys: string[]): JobImportReport {
  return {
    ...report,
    lowConfidenceFields: (report.lowConfidenceFields ?? []).filter((l) => !patchedKeys.includes(l.field)),
  };
}

/** PATCH /job-drafts/{jobId}: applies update keys to a DRAFT and returns the refreshed report. */
export async function updateDraft(
  ctx: ServiceContext,
  principal: Principal,
  jobId: string,
  patch: Record<string, unknown>,
): Promise<DraftResult> {
  return withTransaction(ctx, async (tx) => {
    const row = await findOwnedJob(tx, principal.accountId, jobId, { lock: true });
    if (row.status !== "DRAFT") {
      const steer =
        row.status === "OPEN"
          ? ` It is live: edit it with PATCH /jobs/${row.id}.`
          : row.status === "ARCHIVED"
            ? " It is closed and can no longer be edited."
            : "";
      throw conflict(`Job ${row.id} is ${row.status}, not a DRAFT.${steer}`, {
        reason: "job_not_draft",
        jobId: row.id,
        status: row.status,
        requiredStatus: "DRAFT",
      });
    }
    const fields = normalizeFields(applyPatch(fieldsOf(row), patch));
    const [updated] = await tx.db
      .update(jobs)
      .set({
        ...columnsOf(fields, row.importReport.hints),
        slug: slugify(fields.jobTitle),
        importReport: settleReport(row.importReport, Object.keys(patch)),
        updatedAt: tx.clock.now(),
      })
      .where(eq(jobs.id, row.id))
      .returning();
    return buildDraftResult(tx.config, updated!);
  });
}
