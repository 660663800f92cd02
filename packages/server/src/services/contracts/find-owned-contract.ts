import { and, eq } from "drizzle-orm";
import { contracts, trainers, type ContractRow, type TrainerRow } from "../../db/schema.js";
import { notFound } from "../../errors.js";
import type { ServiceContext } from "../context.js";

export const contractNotFound = (contractId: string) =>
  notFound("No contract with this id on this account.", { resource: "contracts", contractId });

/**
 * One of the account's contracts with its trainer; another account's id is a 404 like an unknown
 * one. `lock` takes the contract row FOR UPDATE (lock order: approval → contract → milestone).
 */
export async function findOwnedContract(
  ctx: ServiceContext,
  accountId: string,
  contractId: string,
  opts: { lock?: boolean } = {},
): Promise<{ contract: ContractRow; trainer: TrainerRow }> {
  const query = ctx.db
    .select({ contract: contracts, trainer: trainers })
    .from(contracts)
    .innerJoin(trainers, eq(trainers.id, contracts.trainerId))
    .where(and(eq(contracts.id, contractId), eq(contracts.accountId, accountId)))
    .limit(1);
  const [row] = opts.lock ? await query.for("update", { of: contracts }) : await query;
  if (!row) throw contractNotFound(contractId);
  return row;
}

/** Locks a contract row by id (any account: the caller already checked tenancy). */
export async function lockContract(ctx: ServiceContext, contractId: string): Promise<ContractRow | null> {
  const [row] = await ctx.db.select().from(contracts).where(eq(contracts.id, contractId)).limit(1).for("update");
  return row ?? null;
}
