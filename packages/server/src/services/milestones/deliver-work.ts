import type { ServiceContext } from "../context.js";
import { withTransaction } from "../context.js";
import { lockContract } from "../contracts/find-owned-contract.js";
import { recordUsage } from "../contracts/record-usage.js";
import { findMilestone, lockMilestone } from "./find-owned-milestone.js";
import { requestPayout } from "./request-payout.js";

/**
 * A simulated trainer delivers a funded milestone (sandbox `trainer_delivery` task): the work is
 * reported as usage (the milestone's hours or labels, which moves the budget) and payout is
 * requested, at the moment the task was due. Does nothing when the milestone is no longer funded,
 * payout was already requested, or the contract ended meanwhile.
 */
export async function deliverMilestoneWork(ctx: ServiceContext, milestoneId: string, at: Date): Promise<boolean> {
  return withTransaction(ctx, async (tx) => {
    const found = await findMilestone(tx, milestoneId);
    if (!found) return false;
    const contract = (await lockContract(tx, found.contract.id))!;
    const milestone = (await lockMilestone(tx, milestoneId))!;
    if (contract.status !== "active" || milestone.status !== "ACTIVE_FUNDED" || milestone.payoutRequestedAt) {
      return false;
    }
    const volume = milestone.volume ?? 0;
    if (contract.paymentType === "PAY_PER_HOUR") await recordUsage(tx, contract, { seconds: volume * 3600 }, at);
    if (contract.paymentType === "PAY_PER_LABEL") await recordUsage(tx, contract, { labels: volume }, at);
    await requestPayout(tx, milestoneId, { at });
    return true;
  });
}
