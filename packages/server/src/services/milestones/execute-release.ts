import type { ApprovalRow } from "../../db/schema.js";
import type { Confirmation, Execution } from "../approvals/confirmation.js";
import type { ServiceContext } from "../context.js";
import { lockContract } from "../contracts/find-owned-contract.js";
import { releaseEscrow } from "../ledger/index.js";
import { lockMilestone } from "./find-owned-milestone.js";
import { assertReleasable } from "./request-release.js";
import { setMilestoneStatus } from "./set-milestone-status.js";

/**
 * Executes a confirmed `milestone_approve` (approval row locked; then contract, then milestone):
 * the escrow is paid out to the trainer through the ledger and the milestone becomes PAID.
 */
export async function executeRelease(tx: ServiceContext, approval: ApprovalRow, _c: Confirmation): Promise<Execution> {
  const contract = (await lockContract(tx, approval.contractId!))!;
  const milestone = (await lockMilestone(tx, approval.milestoneId!))!;
  assertReleasable(contract, milestone);
  const at = tx.clock.now();
  const release = await releaseEscrow(tx, {
    accountId: approval.accountId,
    contractId: contract.id,
    milestoneId: milestone.id,
  });
  await setMilestoneStatus(
    tx,
    contract,
    milestone,
    "PAID",
    { paidAt: at, payoutTransactionId: release.payoutTransactionId },
    at,
  );
  return {
    result: { invoiceId: release.invoiceId, payoutTransactionId: release.payoutTransactionId },
    resolution: { escrowCents: milestone.amountCents },
  };
}
