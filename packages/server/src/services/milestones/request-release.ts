import type { ApprovalRow, ContractRow, MilestoneRow } from "../../db/schema.js";
import { conflict } from "../../errors.js";
import { requestApproval } from "../approvals/request-approval.js";
import { withTransaction, type Principal, type ServiceContext } from "../context.js";
import { contractEnded } from "../contracts/contract-ended.js";
import { findOwnedMilestone } from "./find-owned-milestone.js";

/**
 * A milestone's escrow can be released while it is ACTIVE_FUNDED on an active contract; any other
 * status has no escrow to release (409 `milestone_not_funded`, with the status).
 */
export function assertReleasable(contract: ContractRow, milestone: MilestoneRow): void {
  if (contract.status === "ended") throw contractEnded(contract);
  if (milestone.status !== "ACTIVE_FUNDED") {
    throw conflict(
      milestone.status === "NOT_FUNDED"
        ? "This milestone is not funded yet; fund it first (POST /milestones/{milestoneId}/fund)."
        : `This milestone is ${milestone.status}; it has no funded escrow to release.`,
      { reason: "milestone_not_funded", milestoneId: milestone.id, status: milestone.status },
    );
  }
}

/**
 * POST /milestones/{milestoneId}/approve: records (or returns) the pending `milestone_approve`
 * approval. The escrow is paid out to the trainer only when a human confirms it. The trainer need
 * not have requested payout first.
 */
export async function requestMilestoneRelease(
  ctx: ServiceContext,
  principal: Principal,
  milestoneId: string,
): Promise<{ approval: ApprovalRow; created: boolean }> {
  return withTransaction(ctx, async (tx) => {
    const { milestone, contract } = await findOwnedMilestone(tx, principal.accountId, milestoneId);
    assertReleasable(contract, milestone);
    return requestApproval(
      tx,
      principal,
      {
        accountId: principal.accountId,
        type: "milestone_approve",
        subjectId: milestone.id,
        jobId: contract.jobId,
        contractId: contract.id,
        milestoneId: milestone.id,
      },
      async (fresh) => {
        const again = await findOwnedMilestone(fresh, principal.accountId, milestoneId);
        assertReleasable(again.contract, again.milestone);
      },
    );
  });
}
