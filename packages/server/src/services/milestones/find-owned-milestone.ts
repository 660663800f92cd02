import { and, eq } from "drizzle-orm";
import { contracts, milestones, type ContractRow, type MilestoneRow } from "../../db/schema.js";
import { notFound } from "../../errors.js";
import type { ServiceContext } from "../context.js";

export const milestoneNotFound = (milestoneId: string) =>
  notFound("No milestone with this id on this account's contracts.", { resource: "milestones", milestoneId });

/** One of the account's milestones with its contract; another account's id is a 404 like an unknown one. */
export async function findOwnedMilestone(
  ctx: ServiceContext,
  accountId: string,
  milestoneId: string,
): Promise<{ milestone: MilestoneRow; contract: ContractRow }> {
  const [row] = await ctx.db
    .select({ milestone: milestones, contract: contracts })
    .from(milestones)
    .innerJoin(contracts, eq(contracts.id, milestones.contractId))
    .where(and(eq(milestones.id, milestoneId), eq(milestones.accountId, accountId)))
    .limit(1);
  if (!row) throw milestoneNotFound(milestoneId);
  return row;
}

/** Any milestone with its contract (sandbox trainer work); null when unknown. */
export async function findMilestone(
  ctx: ServiceContext,
  milestoneId: string,
): Promise<{ milestone: MilestoneRow; contract: ContractRow } | null> {
  const [row] = await ctx.db
    .select({ milestone: milestones, contract: contracts })
    .from(milestones)
    .innerJoin(contracts, eq(contracts.id, milestones.contractId))
    .where(eq(milestones.id, milestoneId))
    .limit(1);
  return row ?? null;
}

/** Locks a milestone row (after its contract's: lock order approval → contract → milestone). */
export async function lockMilestone(ctx: ServiceContext, milestoneId: string): Promise<MilestoneRow | null> {
  const [row] = await ctx.db.select().from(milestones).where(eq(milestones.id, milestoneId)).limit(1).for("update");
  return row ?? null;
}
