import { eq } from "drizzle-orm";
import { contracts, type ContractRow } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";

/** The contract a hire created from a proposal (at most one: contracts_proposal_key); null before the hire. */
export async function findContractOfProposal(ctx: ServiceContext, proposalId: string): Promise<ContractRow | null> {
  const [row] = await ctx.db.select().from(contracts).where(eq(contracts.proposalId, proposalId)).limit(1);
  return row ?? null;
}
