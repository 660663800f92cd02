import { eq } from "drizzle-orm";
import { claimAttempts, registrations } from "../../db/schema.js";
import { hashSecret } from "../../ids.js";
import type { ServiceContext } from "../context.js";

export type ClaimAttemptRow = typeof claimAttempts.$inferSelect;
export type RegistrationRow = typeof registrations.$inferSelect;

export interface ClaimAttemptView {
  attempt: ClaimAttemptRow;
  registration: RegistrationRow;
  /** Why the attempt can no longer be accepted, or null when it can. */
  closedReason: string | null;
}

/** Why an attempt cannot be acted on right now, in words for the human. */
export function closedReason(attempt: ClaimAttemptRow, registration: RegistrationRow, now: Date): string | null {
  if (attempt.status === "accepted") return "This claim has already been accepted.";
  if (attempt.status === "declined") return "This claim was declined.";
  if (attempt.status === "superseded") return "The agent started a newer claim; use the most recent link it gave you.";
  if (registration.tokenDeliveredAt) return "This account has already been claimed.";
  if (now.getTime() >= registration.expiresAt.getTime()) return "The 24-hour claim window for this agent has closed.";
  if (now.getTime() >= attempt.expiresAt.getTime())
    return "This claim link expired after 30 minutes; ask the agent for a new one.";
  return null;
}

/** How a caller names an attempt: the `ot_cat_` token of the claim link, or its id. */
export type AttemptLocator = { token: string } | { id: string };

/** Looks an attempt up by its claim-link token or id. */
export async function findAttempt(
  ctx: ServiceContext,
  locator: AttemptLocator,
  opts: { forUpdate?: boolean } = {},
): Promise<ClaimAttemptView | null> {
  if ("token" in locator && (!locator.token.startsWith("ot_cat_") || locator.token.length > 200)) return null;
  const where =
    "token" in locator
      ? eq(claimAttempts.attemptTokenHash, hashSecret(locator.token))
      : eq(claimAttempts.id, locator.id);
  const q = ctx.db
    .select({ attempt: claimAttempts, registration: registrations })
    .from(claimAttempts)
    .innerJoin(registrations, eq(registrations.id, claimAttempts.registrationId))
    .where(where)
    .limit(1);
  const [row] = opts.forUpdate ? await q.for("update") : await q;
  if (!row) return null;
  return { ...row, closedReason: closedReason(row.attempt, row.registration, ctx.clock.now()) };
}
