import { eq, sql } from "drizzle-orm";
import { memberships, users } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(ctx: ServiceContext, email: string): Promise<UserRow | null> {
  const [row] = await ctx.db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return row ?? null;
}

export async function getUser(ctx: ServiceContext, id: string): Promise<UserRow | null> {
  const [row] = await ctx.db.select().from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

/** An email "belongs to an OpenTrain account" once its user is a member of any account. */
export async function emailHasAccount(ctx: ServiceContext, email: string): Promise<boolean> {
  const user = await findUserByEmail(ctx, email);
  if (!user) return false;
  const [m] = await ctx.db.select().from(memberships).where(eq(memberships.userId, user.id)).limit(1);
  return Boolean(m);
}
