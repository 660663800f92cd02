import type { Team } from "@opentrain-ai/contract";
import { and, asc, desc, eq, gt, isNull } from "drizzle-orm";
import { iso } from "../../clock.js";
import { accounts, memberships, teamInvites, users } from "../../db/schema.js";
import { notFound } from "../../errors.js";
import type { ServiceContext } from "../context.js";

const displayName = (u: { firstName: string; lastName: string; email: string | null }) =>
  [u.firstName, u.lastName].filter(Boolean).join(" ") || u.email || "Member";

/** The account's organization, members (owner first) and open invites. */
export async function getTeam(ctx: ServiceContext, accountId: string): Promise<Team> {
  const [account] = await ctx.db.select().from(accounts).where(eq(accounts.id, accountId)).limit(1);
  if (!account) throw notFound("Account not found.");
  const members = await ctx.db
    .select({ m: memberships, u: users })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.accountId, accountId))
    .orderBy(desc(memberships.role), asc(memberships.joinedAt));
  const invites = await ctx.db
    .select()
    .from(teamInvites)
    .where(
      and(
        eq(teamInvites.accountId, accountId),
        isNull(teamInvites.acceptedAt),
        gt(teamInvites.expiresAt, ctx.clock.now()),
      ),
    )
    .orderBy(desc(teamInvites.createdAt));
  const owner = members.find((r) => r.u.id === account.ownerUserId)?.u;
  return {
    organization: {
      id: account.id,
      name: account.name,
      ownerUserId: account.ownerUserId,
      ownerName: owner ? displayName(owner) : "Owner",
    },
    members: members.map(({ m, u }) => ({
      userId: u.id,
      role: m.role,
      name: displayName(u),
      email: u.email,
      joinedAt: iso(m.joinedAt),
    })),
    invites: invites.map((i) => ({
      id: i.id,
      email: i.email,
      createdAt: iso(i.createdAt),
      expiresAt: iso(i.expiresAt),
    })),
  };
}
