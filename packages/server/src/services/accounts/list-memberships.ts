import { asc, desc, eq } from "drizzle-orm";
import { accounts, memberships } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";

/** One account a user belongs to, with the user's role in it. */
export interface Membership {
  accountId: string;
  accountName: string;
  role: "OWNER" | "MEMBER";
  /** Whether a human owns the account (app-created accounts are claimed from the start). */
  claimed: boolean;
  joinedAt: Date;
}

/** The accounts a user belongs to: owned ones first, then by join date (served by memberships_user_idx). */
export async function listMemberships(ctx: ServiceContext, userId: string): Promise<Membership[]> {
  const rows = await ctx.db
    .select({ m: memberships, a: accounts })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(eq(memberships.userId, userId))
    // 'OWNER' sorts after 'MEMBER', so descending puts owned accounts first.
    .orderBy(desc(memberships.role), asc(memberships.joinedAt), asc(memberships.accountId))
    .limit(500);
  return rows.map(({ m, a }) => ({
    accountId: a.id,
    accountName: a.name,
    role: m.role,
    claimed: a.claimedAt !== null,
    joinedAt: m.joinedAt,
  }));
}
