import type { Team } from "@opentrain-ai/contract";
import { and, eq, isNull, sql } from "drizzle-orm";
import { accounts, memberships, teamInvites } from "../../db/schema.js";
import { hashSecret, newId, newSecret } from "../../ids.js";
import { withTransaction, type ServiceContext } from "../context.js";
import { sendEmail } from "../mail/send-email.js";
import { findUserByEmail } from "../users/find-user-by-email.js";
import { getTeam } from "./get-team.js";

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type InviteStatus = "invite_created" | "member_added" | "already_member";

/**
 * Invites a human by email: an existing OpenTrain user is added directly, a current member is
 * a no-op, anyone else gets an emailed invitation (an open one is re-sent with a fresh link).
 */
export async function inviteMember(
  ctx: ServiceContext,
  args: { accountId: string; invitedByUserId: string; email: string },
): Promise<{ ok: true; status: InviteStatus; email: string; team: Team }> {
  const email = args.email.trim().toLowerCase();
  const status = await withTransaction(ctx, async (tx): Promise<InviteStatus> => {
    const [account] = await tx.db.select().from(accounts).where(eq(accounts.id, args.accountId)).for("update");
    const now = tx.clock.now();
    const user = await findUserByEmail(tx, email);
    if (user) {
      const [member] = await tx.db
        .select()
        .from(memberships)
        .where(and(eq(memberships.accountId, args.accountId), eq(memberships.userId, user.id)))
        .limit(1);
      if (member) return "already_member";
      await tx.db
        .insert(memberships)
        .values({ accountId: args.accountId, userId: user.id, role: "MEMBER", joinedAt: now });
      await sendEmail(tx, {
        to: email,
        subject: `You were added to ${account?.name ?? "an OpenTrain team"}`,
        text: `You now have access to the OpenTrain employer team "${account?.name}". Sign in at ${tx.config.publicUrl}/signin to see it.`,
        actionUrl: `${tx.config.publicUrl}/team`,
      });
      return "member_added";
    }
    const secret = newSecret("invite");
    const expiresAt = new Date(now.getTime() + INVITE_TTL_MS);
    const open = and(
      eq(teamInvites.accountId, args.accountId),
      sql`lower(${teamInvites.email}) = ${email}`,
      isNull(teamInvites.acceptedAt),
    );
    const [existing] = await tx.db.select().from(teamInvites).where(open).limit(1);
    if (existing) {
      await tx.db
        .update(teamInvites)
        .set({ tokenHash: hashSecret(secret), createdAt: now, expiresAt, invitedByUserId: args.invitedByUserId })
        .where(eq(teamInvites.id, existing.id));
    } else {
      await tx.db.insert(teamInvites).values({
        id: newId("inv"),
        accountId: args.accountId,
        email,
        tokenHash: hashSecret(secret),
        invitedByUserId: args.invitedByUserId,
        createdAt: now,
        expiresAt,
      });
    }
    const link = `${tx.config.publicUrl}/team/invites/accept?token=${secret}`;
    await sendEmail(tx, {
      to: email,
      subject: `Join ${account?.name ?? "an employer team"} on OpenTrain`,
      text: `You are invited to the OpenTrain employer team "${account?.name}". Accept within 7 days:\n${link}`,
      actionUrl: link,
    });
    return "invite_created";
  });
  return { ok: true, status, email, team: await getTeam(ctx, args.accountId) };
}
