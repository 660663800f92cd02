import { and, eq, isNull } from "drizzle-orm";
import { loginLinks, users, webSessions } from "../../db/schema.js";
import { conflict, notFound } from "../../errors.js";
import { hashSecret, newSecret } from "../../ids.js";
import { withTransaction, type ServiceContext } from "../context.js";
import { sendEmail } from "../mail/send-email.js";
import { findOrCreateHuman } from "../users/find-or-create-human.js";
import type { UserRow } from "../users/find-user-by-email.js";

export const LOGIN_LINK_TTL_MS = 15 * 60 * 1000;
export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

const INTERNAL_ORIGIN = "http://opentrain.internal";

/**
 * Only same-site paths are followed after sign-in (no open redirect): control characters and
 * backslashes are refused outright (browsers strip or rewrite them into `//host`), and the
 * path must still resolve to our own origin.
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== "string" || next.length === 0 || next.length > 2000) return "/";
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return "/";
  if (!next.startsWith("/") || next.startsWith("//")) return "/";
  try {
    const resolved = new URL(next, INTERNAL_ORIGIN);
    if (resolved.origin !== INTERNAL_ORIGIN) return "/";
    return resolved.pathname + resolved.search + resolved.hash;
  } catch {
    return "/";
  }
}

/** Emails a one-time sign-in link (sign-up when the address is new). */
export async function sendLoginLink(
  ctx: ServiceContext,
  args: { email: string; next?: string },
): Promise<{ sent: boolean }> {
  const email = args.email.trim().toLowerCase();
  return withTransaction(ctx, async (tx) => {
    const secret = newSecret("link");
    const now = tx.clock.now();
    await tx.db.insert(loginLinks).values({
      tokenHash: hashSecret(secret),
      email,
      expiresAt: new Date(now.getTime() + LOGIN_LINK_TTL_MS),
      createdAt: now,
    });
    // `next` may hold a claim or invitation secret, so it travels in the emailed link only.
    const next = safeNextPath(args.next);
    const link = `${tx.config.publicUrl}/signin/verify?token=${secret}${next === "/" ? "" : `&next=${encodeURIComponent(next)}`}`;
    return sendEmail(tx, {
      to: email,
      subject: "Your OpenTrain sign-in link",
      text: `Open this link within 15 minutes to sign in to OpenTrain as ${email}:\n${link}\n\nIf you did not ask for it, ignore this email.`,
      actionUrl: link,
    });
  });
}

/**
 * Spends a sign-in link and opens a new session. The session id is always freshly generated,
 * so a session id planted before sign-in is never promoted (fixation).
 */
export async function consumeLoginLink(
  ctx: ServiceContext,
  secret: string,
): Promise<{ sessionSecret: string; user: UserRow }> {
  return withTransaction(ctx, async (tx) => {
    const [link] = await tx.db
      .select()
      .from(loginLinks)
      .where(eq(loginLinks.tokenHash, hashSecret(secret)))
      .limit(1)
      .for("update");
    if (!link) throw notFound("This sign-in link is not valid.");
    const now = tx.clock.now();
    if (link.usedAt) throw conflict("This sign-in link was already used; request a new one.");
    if (now.getTime() >= link.expiresAt.getTime()) throw conflict("This sign-in link expired; request a new one.");
    await tx.db.update(loginLinks).set({ usedAt: now }).where(eq(loginLinks.tokenHash, link.tokenHash));
    const user = await findOrCreateHuman(tx, link.email);
    const sessionSecret = newSecret("session");
    await tx.db.insert(webSessions).values({
      idHash: hashSecret(sessionSecret),
      userId: user.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    });
    return { sessionSecret, user };
  });
}

/** The user behind a session cookie; null when unknown, expired or signed out. */
export async function getSessionUser(ctx: ServiceContext, sessionSecret: string): Promise<UserRow | null> {
  if (!sessionSecret.startsWith("ot_ses_") || sessionSecret.length > 200) return null;
  const [row] = await ctx.db
    .select({ session: webSessions, user: users })
    .from(webSessions)
    .innerJoin(users, eq(users.id, webSessions.userId))
    .where(and(eq(webSessions.idHash, hashSecret(sessionSecret)), isNull(webSessions.revokedAt)))
    .limit(1);
  if (!row || ctx.clock.now().getTime() >= row.session.expiresAt.getTime()) return null;
  return row.user;
}

export async function endSession(ctx: ServiceContext, sessionSecret: string): Promise<void> {
  await ctx.db
    .update(webSessions)
    .set({ revokedAt: ctx.clock.now() })
    .where(eq(webSessions.idHash, hashSecret(sessionSecret)));
}
