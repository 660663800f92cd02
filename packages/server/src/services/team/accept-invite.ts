import { eq } from "drizzle-orm";
import { accounts, memberships, teamInvites } from "../../db/schema.js";
import { conflict, forbidden, notFound } from "../../errors.js";
import { hashSecret } from "../../ids.js";
import { withTransaction, type ServiceContext } from "../context.js";
import type { UserRow } from "../users/find-user-by-email.js";

export type InviteRow = typeof teamInvites.$inferSelect;

/** The invite behind an emailed link, with the team's name; null when the link is unknown. */
export async function findInvite(
  ctx: ServiceContext,
  secret: string,
): Promise<{ invite: InviteRow; accountName: string } | null> {
  if (!secret.startsWith("ot_inv_") || secret.length > 200) return null;
  const [row] = await ctx.db
    .select({ invite: teamInvites, accountName: accounts.name })
    .from(teamInvites)
    .innerJoin(accounts, eq(accounts.id, teamInvites.accountId))
    .where(eq(teamInvites.tokenHash, hashSecret(secret)))
    .limit(1);
  return row ?? null;
}

/** The signed-in human (with the invited email) joins the team as a MEMBER. */
export async function acceptInvite(
  ctx: ServiceContext,
  args: { secret: string; user: UserRow },
): Promise<{ accountId: string }> {
  return withTransaction(ctx, async (tx) => {
    const found = await findInvite(tx, args.secret);
    if (!found) throw notFound("This invitation link is not valid.");
    const { invite } = found;
    const now = tx.clock.now();
    if (invite.acceptedAt) throw conflict("This invitation has already been accepted.");
    if (now.getTime() >= invite.expiresAt.getTime()) throw conflict("This invitation expired; ask for a new one.");
    if (args.user.email?.toLowerCase() !== invite.email.toLowerCase()) {
      throw forbidden(`This invitation was sent to ${invite.email}. Sign in with that address to accept it.`);
    }
    await tx.db
      .insert(memberships)
      .values({ accountId: invite.accountId, userId: args.user.id, role: "MEMBER", joinedAt: now })
      .onConflictDoNothing();
    await tx.db
      .update(teamInvites)
      .set({ acceptedAt: now, acceptedByUserId: args.user.id })
      .where(eq(teamInvites.id, invite.id));
    return { accountId: invite.accountId };
  });
}
