import type { OutputOf, operations } from "@opentrain-ai/contract";
import { eq } from "drizzle-orm";
import { jobs } from "../../db/schema.js";
import { withTransaction, type Principal, type ServiceContext } from "../context.js";
import { findOwnedJob } from "./find-owned-job.js";
import { recordJobChange } from "./record-change.js";

type CloseResult = OutputOf<typeof operations.jobsClose>;

/** POST /jobs/{jobId}/close: any status but ARCHIVED becomes ARCHIVED; closing twice is a no-op. */
export async function closeJob(ctx: ServiceContext, principal: Principal, jobId: string): Promise<CloseResult> {
  return withTransaction(ctx, async (tx) => {
    const row = await findOwnedJob(tx, principal.accountId, jobId, { lock: true });
    if (row.status === "ARCHIVED") return { ok: true, jobId: row.id, status: "ARCHIVED", alreadyClosed: true };
    const now = tx.clock.now();
    await tx.db.update(jobs).set({ status: "ARCHIVED", closedAt: now, updatedAt: now }).where(eq(jobs.id, row.id));
    if (row.status === "OPEN" && row.visibility === "PUBLIC") await recordJobChange(tx, row.id, "CLOSED", now);
    return { ok: true, jobId: row.id, status: "ARCHIVED", alreadyClosed: false };
  });
}
