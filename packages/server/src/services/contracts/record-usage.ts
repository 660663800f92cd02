import { eq, sql } from "drizzle-orm";
import { contracts, type ContractRow } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";
import { refreshBudgetState } from "./budget.js";

/**
 * Adds reported work to a contract (whose row lock the caller holds) and re-evaluates its budget,
 * writing `contract.budget_state_changed` when a threshold is crossed. The sandbox's simulated
 * trainers report the hours or labels of the milestone they deliver; the Platform API's usage
 * sync will report through here too.
 */
export async function recordUsage(
  tx: ServiceContext,
  contract: ContractRow,
  usage: { seconds?: number; labels?: number; tasks?: number },
  at: Date,
): Promise<void> {
  await tx.db
    .update(contracts)
    .set({
      consumedSeconds: sql`${contracts.consumedSeconds} + ${Math.max(0, Math.round(usage.seconds ?? 0))}`,
      consumedLabels: sql`${contracts.consumedLabels} + ${Math.max(0, Math.round(usage.labels ?? 0))}`,
      consumedTasks: sql`${contracts.consumedTasks} + ${Math.max(0, Math.round(usage.tasks ?? 0))}`,
      lastUsageAt: at,
      updatedAt: at,
    })
    .where(eq(contracts.id, contract.id));
  await refreshBudgetState(tx, contract, at);
}
