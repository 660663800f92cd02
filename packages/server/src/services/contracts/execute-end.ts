import type { ApprovalRow } from "../../db/schema.js";
import type { Confirmation, Execution } from "../approvals/confirmation.js";
import type { ServiceContext } from "../context.js";
import { closeContract } from "./close-contract.js";
import { contractEnded } from "./contract-ended.js";
import { lockContract } from "./find-owned-contract.js";

/**
 * Executes a confirmed `contract_end` (approval row locked, then the contract): funded escrow is
 * refunded to the credit balance, unfunded milestones cancelled, the contract ended.
 */
export async function executeEnd(tx: ServiceContext, approval: ApprovalRow, _c: Confirmation): Promise<Execution> {
  const contract = (await lockContract(tx, approval.contractId!))!;
  if (contract.status === "ended") throw contractEnded(contract);
  const closed = await closeContract(tx, contract);
  return { result: { contractEnded: true }, resolution: { refundedMilestoneIds: closed.refundedMilestoneIds } };
}
