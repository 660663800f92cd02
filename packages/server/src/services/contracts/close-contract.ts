import { asc, eq } from "drizzle-orm";
import { contracts, milestones, type ContractRow } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";
import { refundEscrow } from "../ledger/index.js";
import { setConversationReadOnly } from "../messages/set-read-only.js";
import { setMilestoneStatus } from "../milestones/set-milestone-status.js";
import { refreshBudgetState } from "./budget.js";

/**
 * Ends a contract whose row lock the caller holds, in the caller's transaction: every funded
 * milestone's unspent escrow goes back to the employer's credit balance (ENGINE refundEscrow:
 * HOLD_RELEASE for credits, REFUND for card-funded escrow) and the milestone becomes REFUNDED;
 * unfunded milestones become CANCELLED; the contract is `ended` and its job DM read-only. Paid
 * milestones stay paid. Returns the ids it refunded and cancelled.
 */
export async function closeContract(
  tx: ServiceContext,
  contract: ContractRow,
): Promise<{ refundedMilestoneIds: string[]; cancelledMilestoneIds: string[] }> {
  const at = tx.clock.now();
  const rows = await tx.db
    .select()
    .from(milestones)
    .where(eq(milestones.contractId, contract.id))
    .orderBy(asc(milestones.milestoneNumber))
    .for("update");
  const refundedMilestoneIds: string[] = [];
  const cancelledMilestoneIds: string[] = [];
  for (const m of rows) {
    if (m.status === "ACTIVE_FUNDED") {
      await refundEscrow(tx, { accountId: contract.accountId, contractId: contract.id, milestoneId: m.id });
      await setMilestoneStatus(tx, contract, m, "REFUNDED", { closedAt: at }, at);
      refundedMilestoneIds.push(m.id);
    } else if (m.status === "NOT_FUNDED") {
      await setMilestoneStatus(tx, contract, m, "CANCELLED", { closedAt: at }, at);
      cancelledMilestoneIds.push(m.id);
    }
  }
  await tx.db
    .update(contracts)
    .set({ status: "ended", endedAt: at, updatedAt: at })
    .where(eq(contracts.id, contract.id));
  if (contract.jobDmConversationId) await setConversationReadOnly(tx, contract.jobDmConversationId);
  await refreshBudgetState(tx, contract, at);
  return { refundedMilestoneIds, cancelledMilestoneIds };
}
