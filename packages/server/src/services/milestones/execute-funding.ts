import type { ApprovalRow } from "../../db/schema.js";
import { paymentSourceOf, type Confirmation, type Execution } from "../approvals/confirmation.js";
import type { ServiceContext } from "../context.js";
import { refreshBudgetState } from "../contracts/budget.js";
import { lockContract } from "../contracts/find-owned-contract.js";
import { fundEscrow, milestoneFundingFees } from "../ledger/index.js";
import { lockMilestone } from "./find-owned-milestone.js";
import { assertFundable } from "./request-funding.js";
import { scheduleDelivery } from "./schedule-delivery.js";
import { setMilestoneStatus } from "./set-milestone-status.js";

/**
 * Executes a confirmed `milestone_fund` (approval row locked; then contract, then milestone):
 * escrow = the milestone, fee = the 10 % marketplace fee (no contract fee on later milestones),
 * from the chosen source; the milestone becomes ACTIVE_FUNDED with its invoice, and the budget
 * is re-evaluated (funding can move it back to OK).
 */
export async function executeFunding(tx: ServiceContext, approval: ApprovalRow, c: Confirmation): Promise<Execution> {
  const source = paymentSourceOf(c);
  const contract = (await lockContract(tx, approval.contractId!))!;
  const milestone = (await lockMilestone(tx, approval.milestoneId!))!;
  assertFundable(contract, milestone);
  const at = tx.clock.now();
  const fees = milestoneFundingFees(milestone.amountCents);
  const funding = await fundEscrow(tx, {
    accountId: approval.accountId,
    source,
    escrowCents: milestone.amountCents,
    feeCents: fees.totalCents,
    contractId: contract.id,
    milestoneId: milestone.id,
    jobId: contract.jobId,
    milestoneName: milestone.name,
  });
  const funded = await setMilestoneStatus(
    tx,
    contract,
    milestone,
    "ACTIVE_FUNDED",
    {
      fundingSource: source,
      feeCents: fees.totalCents,
      invoiceId: funding.invoiceId,
      paymentIntentId: funding.paymentIntentId,
      fundedAt: at,
    },
    at,
  );
  await refreshBudgetState(tx, contract, at);
  await scheduleDelivery(tx, contract, funded);
  return {
    result: { invoiceId: funding.invoiceId, paymentIntentId: funding.paymentIntentId },
    resolution: { paymentSource: source, escrowCents: milestone.amountCents, feeCents: fees.totalCents },
  };
}
