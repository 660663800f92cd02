import type { ApprovalStatus } from "@opentrain-ai/contract";
import { eq } from "drizzle-orm";
import { approvals, type ApprovalResolution, type ApprovalRow } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";
import { recordEvent } from "../events/record-event.js";
import { voidFundingInvoice } from "../ledger/index.js";

/**
 * Moves a pending approval (whose row lock the caller holds) to a terminal status and writes
 * `approval.confirmed` with `data.status` — the event fires for every terminal status
 * (spec 30 §2) — in the caller's transaction.
 */
export async function resolveApproval(
  tx: ServiceContext,
  row: ApprovalRow,
  outcome: {
    status: Exclude<ApprovalStatus, "pending">;
    at: Date;
    byUserId?: string | null;
    result?: Record<string, unknown> | null;
    resolution?: ApprovalResolution | null;
    supersededById?: string | null;
  },
): Promise<ApprovalRow> {
  const [updated] = await tx.db
    .update(approvals)
    .set({
      status: outcome.status,
      resolvedAt: outcome.at,
      resolvedByUserId: outcome.byUserId ?? null,
      result: outcome.result ?? null,
      resolution: outcome.resolution ?? null,
      supersededById: outcome.supersededById ?? null,
      updatedAt: tx.clock.now(),
    })
    .where(eq(approvals.id, row.id))
    .returning();
  // A funding request that will not be carried out leaves no invoice awaiting payment.
  if (outcome.status !== "confirmed" && row.type === "milestone_fund" && row.milestoneId) {
    await voidFundingInvoice(tx, { milestoneId: row.milestoneId });
  }
  await recordEvent(tx, {
    accountId: row.accountId,
    type: "approval.confirmed",
    resourceId: row.id,
    jobId: row.jobId,
    data: { approvalId: row.id, status: outcome.status },
    at: outcome.at,
  });
  return updated!;
}
