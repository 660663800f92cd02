import type { Budget, BudgetState, MilestoneStatus } from "@opentrain-ai/contract";
import { asc, eq } from "drizzle-orm";
import { iso } from "../../clock.js";
import { contracts, milestones, type ContractRow, type MilestoneRow } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";
import { recordEvent } from "../events/record-event.js";

/** Milestones whose escrow was funded (and so count toward the funded budget). */
const FUNDED: ReadonlySet<MilestoneStatus> = new Set(["ACTIVE_FUNDED", "PAID", "DISPUTED"]);

export const isFunded = (m: Pick<MilestoneRow, "status">) => FUNDED.has(m.status);

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * OK below 80 % consumed, LOW from 80 %, DEPLETED from 100 % (spec 30 §0.3). Nothing funded:
 * DEPLETED once anything was consumed, else OK.
 */
export function budgetStateOf(consumedFraction: number | null, consumedVolume: number): BudgetState {
  if (consumedFraction === null) return consumedVolume > 0 ? "DEPLETED" : "OK";
  if (consumedFraction >= 1) return "DEPLETED";
  if (consumedFraction >= 0.8) return "LOW";
  return "OK";
}

/**
 * The budget snapshot of a contract: funded volume (hours or labels of funded milestones, paid
 * ones included since their work was consumed too) against the usage reported so far. Fixed
 * price contracts track no volume and are always OK.
 */
export function computeBudget(contract: ContractRow, rows: readonly MilestoneRow[]): Budget {
  const funded = rows.filter(isFunded);
  const fixed = contract.paymentType === "FIXED_PRICE";
  const fundedVolume = fixed ? 0 : round4(funded.reduce((s, m) => s + (m.volume ?? 0), 0));
  const hours = contract.consumedSeconds / 3600;
  const consumedVolume = fixed ? 0 : round4(contract.paymentType === "PAY_PER_HOUR" ? hours : contract.consumedLabels);
  const consumedFraction = fixed || fundedVolume <= 0 ? null : round4(consumedVolume / fundedVolume);
  const active = [...rows]
    .sort((a, b) => a.milestoneNumber - b.milestoneNumber)
    .find((m) => m.status === "ACTIVE_FUNDED");
  return {
    contractId: contract.id,
    paymentType: contract.paymentType,
    state: fixed ? "OK" : budgetStateOf(consumedFraction, consumedVolume),
    fundedVolume,
    fundedAmountUsd: funded.reduce((s, m) => s + m.amountCents, 0) / 100,
    consumed: {
      seconds: contract.consumedSeconds,
      hours: round4(hours),
      labels: contract.consumedLabels,
      tasks: contract.consumedTasks,
    },
    consumedVolume,
    remainingVolume: round4(Math.max(0, fundedVolume - consumedVolume)),
    consumedFraction,
    activeMilestone: active
      ? {
          id: active.id,
          name: active.name,
          amountUsd: active.amountCents / 100,
          volume: active.volume,
          status: active.status,
        }
      : null,
    lastUsageAt: iso(contract.lastUsageAt),
  };
}

export async function contractMilestones(ctx: ServiceContext, contractId: string): Promise<MilestoneRow[]> {
  return ctx.db
    .select()
    .from(milestones)
    .where(eq(milestones.contractId, contractId))
    .orderBy(asc(milestones.milestoneNumber));
}

/**
 * Recomputes the budget state after funding, a refund or usage, in the caller's transaction
 * (which holds the contract row lock), and writes `contract.budget_state_changed` when the state
 * crossed a threshold. Returns the snapshot.
 */
export async function refreshBudgetState(tx: ServiceContext, contract: ContractRow, at?: Date): Promise<Budget> {
  const [current] = await tx.db.select().from(contracts).where(eq(contracts.id, contract.id)).limit(1);
  const budget = computeBudget(current!, await contractMilestones(tx, contract.id));
  const previous = current!.budgetState;
  if (budget.state === previous) return budget;
  const when = at ?? tx.clock.now();
  await tx.db
    .update(contracts)
    .set({ budgetState: budget.state, updatedAt: when })
    .where(eq(contracts.id, contract.id));
  await recordEvent(tx, {
    accountId: contract.accountId,
    type: "contract.budget_state_changed",
    resourceId: contract.id,
    jobId: contract.jobId,
    data: {
      contractId: contract.id,
      previousState: previous,
      state: budget.state,
      paymentType: budget.paymentType,
      fundedVolume: budget.fundedVolume,
      consumedVolume: budget.consumedVolume,
      remainingVolume: budget.remainingVolume,
      consumedFraction: budget.consumedFraction,
    },
    at: when,
  });
  return budget;
}
