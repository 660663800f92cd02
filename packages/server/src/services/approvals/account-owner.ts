import { eq } from "drizzle-orm";
import { accounts, approvals } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";

/** The owner of the account an approval belongs to: who the sandbox helpers act as. Null when unknown. */
export async function approvalAccountOwner(ctx: ServiceContext, approvalId: string): Promise<string | null> {
  const [row] = await ctx.db
    .select({ owner: accounts.ownerUserId })
    .from(approvals)
    .innerJoin(accounts, eq(accounts.id, approvals.accountId))
    .where(eq(approvals.id, approvalId))
    .limit(1);
  return row?.owner ?? null;
}
