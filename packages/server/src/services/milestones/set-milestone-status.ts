import type { MilestoneStatus } from "@opentrain-ai/contract";
import { eq } from "drizzle-orm";
import { milestones, type ContractRow, type MilestoneRow } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";
import { recordEvent } from "../events/record-event.js";

/** Writes `milestone.status_changed` (`{milestoneId, contractId, status}`) in the caller's transaction. */
export async function milestoneStatusEvent(
  tx: ServiceContext,
  contract: Pick<ContractRow, "id" | "accountId" | "jobId">,
  milestoneId: string,
  status: MilestoneStatus,
  at: Date,
): Promise<void> {
  await recordEvent(tx, {
    accountId: contract.accountId,
    type: "milestone.status_changed",
    resourceId: milestoneId,
    jobId: contract.jobId,
    data: { milestoneId, contractId: contract.id, status },
    at,
  });
}

/**
 * Moves a milestone (whose row lock the caller holds) to another status with the given column
 * changes, and writes its event in the same transaction.
 */
export async function setMilestoneStatus(
  tx: ServiceContext,
  contract: Pick<ContractRow, "id" | "accountId" | "jobId">,
  milestone: MilestoneRow,
  status: MilestoneStatus,
  changes: Partial<MilestoneRow> = {},
  at: Date = tx.clock.now(),
): Promise<MilestoneRow> {
  const [updated] = await tx.db
    .update(milestones)
    .set({ ...changes, status, updatedAt: at })
    .where(eq(milestones.id, milestone.id))
    .returning();
  await milestoneStatusEvent(tx, contract, milestone.id, status, at);
  return updated!;
}
