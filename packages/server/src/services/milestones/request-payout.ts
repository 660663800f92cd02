import { eq } from "drizzle-orm";
import { milestones, type ContractRow, type MilestoneRow } from "../../db/schema.js";
import { withTransaction, type ServiceContext } from "../context.js";
import { lockContract } from "../contracts/find-owned-contract.js";
import { recordEvent } from "../events/record-event.js";
import { findMilestone, lockMilestone, milestoneNotFound } from "./find-owned-milestone.js";
import { assertReleasable } from "./request-release.js";

export interface PayoutRequest {
  milestone: MilestoneRow;
  contract: ContractRow;
  /** False when the trainer had already asked (nothing changed). */
  requested: boolean;
}

/**
 * The trainer marks a funded milestone's work complete and asks to be paid ("Complete & Request
 * Payout"): the milestone stays ACTIVE_FUNDED with `pendingApproval: true`, and the employer gets
 * `payment.pending` (the milestone's invoice now awaits their release). Asking again changes
 * nothing. 409 `milestone_not_funded` when there is no funded escrow, `contract_ended` on an
 * ended contract.
 */
export async function requestPayout(
  ctx: ServiceContext,
  milestoneId: string,
  opts: { at?: Date } = {},
): Promise<PayoutRequest> {
  return withTransaction(ctx, async (tx) => {
    const found = await findMilestone(tx, milestoneId);
    if (!found) throw milestoneNotFound(milestoneId);
    const contract = (await lockContract(tx, found.contract.id))!;
    const milestone = (await lockMilestone(tx, milestoneId))!;
    assertReleasable(contract, milestone);
    if (milestone.payoutRequestedAt) return { milestone, contract, requested: false };
    const at = opts.at ?? tx.clock.now();
    const [updated] = await tx.db
      .update(milestones)
      .set({ payoutRequestedAt: at, updatedAt: at })
      .where(eq(milestones.id, milestone.id))
      .returning();
    await recordEvent(tx, {
      accountId: contract.accountId,
      type: "payment.pending",
      resourceId: milestone.invoiceId!,
      jobId: contract.jobId,
      data: { invoiceId: milestone.invoiceId!, milestoneId: milestone.id, contractId: contract.id },
      at,
    });
    return { milestone: updated!, contract, requested: true };
  });
}
