import { eq, sql } from "drizzle-orm";
import { accounts, claimAttempts, memberships } from "../../db/schema.js";
import { badRequest, conflict, forbidden, notFound } from "../../errors.js";
import { constantTimeEquals } from "../../ids.js";
import { withTransaction, type ServiceContext } from "../context.js";
import { principalsChanged } from "../tokens/principals-changed.js";
import type { UserRow } from "../users/find-user-by-email.js";
import { findAttempt, type AttemptLocator } from "./find-attempt.js";

/** Wrong codes allowed per attempt before it is locked and the agent must start a new one. */
export const MAX_CODE_ENTRIES = 5;

/**
 * The human accepts a claim: the signed-in user (whose email must be the claim email) enters
 * the 6-digit code and becomes the account's owner. The agent's next token poll succeeds.
 */
export async function acceptClaim(
  ctx: ServiceContext,
  args: { attempt: AttemptLocator; user: UserRow; userCode: string },
): Promise<{ accountId: string }> {
  const result = await withTransaction(ctx, async (tx) => {
    const view = await findAttempt(tx, args.attempt, { forUpdate: true });
    if (!view) throw notFound("This claim link is not valid.");
    if (view.closedReason) throw conflict(view.closedReason);
    const { attempt, registration } = view;
    if (!args.user.email || args.user.email.toLowerCase() !== attempt.email.toLowerCase()) {
      throw forbidden(`This claim was sent to ${attempt.email}. Sign out and sign in with that address to accept it.`);
    }
    const now = tx.clock.now();
    if (!constantTimeEquals(args.userCode.trim(), attempt.userCode)) {
      const failed = attempt.failedCodeEntries + 1;
      const locked = failed >= MAX_CODE_ENTRIES;
      await tx.db
        .update(claimAttempts)
        .set({ failedCodeEntries: failed, ...(locked ? { status: "superseded" as const, resolvedAt: now } : {}) })
        .where(eq(claimAttempts.id, attempt.id));
      // Returned, not thrown, so the failed-entry count commits.
      return badRequest(
        locked
          ? "Too many wrong codes. Ask the agent to start a new claim."
          : `That code is not right. ${MAX_CODE_ENTRIES - failed} tries left.`,
        { field: "userCode" },
      );
    }
    await tx.db
      .update(claimAttempts)
      .set({ status: "accepted", acceptedByUserId: args.user.id, resolvedAt: now })
      .where(eq(claimAttempts.id, attempt.id));
    await tx.db
      .update(accounts)
      .set({ ownerUserId: args.user.id, claimedAt: now })
      .where(eq(accounts.id, registration.accountId));
    // The human joins as owner; the agent placeholder leaves when its post-claim token is delivered.
    await tx.db
      .insert(memberships)
      .values({ accountId: registration.accountId, userId: args.user.id, role: "OWNER", joinedAt: now })
      .onConflictDoUpdate({ target: [memberships.accountId, memberships.userId], set: { role: sql`'OWNER'` } });
    // The account is claimed now: its principals say so from the next request on.
    await principalsChanged(tx, [registration.accountId]);
    return { accountId: registration.accountId };
  });
  if (result instanceof Error) throw result;
  return result;
}
