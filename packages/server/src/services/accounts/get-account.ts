import { eq } from "drizzle-orm";
import { accounts } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";

export type AccountRow = typeof accounts.$inferSelect;

export async function getAccount(ctx: ServiceContext, id: string): Promise<AccountRow | null> {
  const [row] = await ctx.db.select().from(accounts).where(eq(accounts.id, id)).limit(1);
  return row ?? null;
}
