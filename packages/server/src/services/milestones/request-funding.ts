import type { ApprovalRow, ContractRow, MilestoneRow } from "../../db/schema.js";
import { conflict } from "../../errors.js";
import { requestApproval } from "../approvals/request-approval.js";
import { requireFunding } from "../approvals/require-funding.js";
import { withTransaction, type Principal, type ServiceContext } from "../context.js";
import { contractEnded } from "../contracts/contract-ended.js";
import { recordEvent } from "../events/record-event.js";
import { milestoneFundingFees, openFundingInvoice } from "../ledger/index.js";
import { findOwnedMilestone } from "./find-owned-milestone.js";

/** The whole charge of funding a later milestone: the milestone plus the marketplace fee. */
export function fundingChargeCents(milestoneCents: number): number {
  return milestoneCents + milestoneFundingFees(milestoneCents).totalCents;
}

/** A milestone can be funded while it is NOT_FUNDED on an active contract. */
export function assertFundable(contract: ContractRow, milestone: MilestoneRow): void {
  if (contract.status === "ended") throw contractEnded(contract);
  if (milestone.status !== "NOT_FUNDED") {
    throw conflict(`This milestone is ${milestone.status}; only a NOT_FUNDED milestone can be funded.`, {
      reason: "milestone_not_fundable",
      milestoneId: milestone.id,
      status: milestone.status,
    });
  }
}

/**
 * POST /milestones/{milestoneId}/fund: records (or returns) the pending `milestone_fund`
 * approval. Nothing moves until a human confirms it and picks card or credits.
 */
export async function requestMilestoneFunding(
  ctx: ServiceContext,
  principal: Principal,
  milestoneId: string,
): Promise<{ approval: ApprovalRow; created: boolean }> {
  return withTransaction(ctx, async (tx) => {
    const { milestone, contract } = await findOwnedMilestone(tx, principal.accountId, milestoneId);
    assertFundable(contract, milestone);
    const requested = await requestApproval(
      tx,
      principal,
      {
        accountId: principal.accountId,
        type: "milestone_fund",
        subjectId: milestone.id,
        jobId: contract.jobId,
        contractId: contract.id,
        milestoneId: milestone.id,
      },
      async (fresh) => {
        const again = await findOwnedMilestone(fresh, principal.accountId, milestoneId);
        assertFundable(again.contract, again.milestone);
      },
      (fresh) => requireFunding(fresh, principal.accountId, fundingChargeCents(milestone.amountCents)),
    );
    if (requested.created) await openInvoice(tx, contract, milestone);
    return requested;
  });
}

/**
 * A new funding request leaves a PENDING funding invoice (GET /payments/pending lists it) and
 * `payment.pending`; confirming pays it, declining or expiry voids it (resolve-approval).
 */
async function openInvoice(tx: ServiceContext, contract: ContractRow, milestone: MilestoneRow): Promise<void> {
  const fees = milestoneFundingFees(milestone.amountCents);
  const { invoiceId } = await openFundingInvoice(tx, {
    accountId: contract.accountId,
    jobId: contract.jobId,
    contractId: contract.id,
    milestoneId: milestone.id,
    milestoneName: milestone.name,
    escrowCents: milestone.amountCents,
    feeCents: fees.totalCents,
  });
  await recordEvent(tx, {
    accountId: contract.accountId,
    type: "payment.pending",
    resourceId: invoiceId,
    jobId: contract.jobId,
    data: { invoiceId, milestoneId: milestone.id, contractId: contract.id },
  });
}
