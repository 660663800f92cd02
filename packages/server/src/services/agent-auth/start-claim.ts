import { z } from "zod";
import { and, eq } from "drizzle-orm";
import { accounts, claimAttempts } from "../../db/schema.js";
import { OAuthError } from "../../errors.js";
import { hashSecret, newId, newSecret, newUserCode } from "../../ids.js";
import { withTransaction, type ServiceContext } from "../context.js";
import { sendEmail } from "../mail/send-email.js";
import { emailHasAccount } from "../users/find-user-by-email.js";
import { findRegistrationForUpdate } from "./find-registration.js";

export const CLAIM_ATTEMPT_TTL_SECONDS = 1800;

export interface ClaimStartResult {
  user_code: string;
  verification_uri: string;
  expires_in: number;
  interval: number;
  email_sent: boolean;
}

/**
 * POST /api/agent/identity/claim: reserves the account for an email and starts a new attempt
 * (link + 6-digit code, 30 min). Any earlier pending attempt of the registration is superseded.
 */
export async function startClaim(
  ctx: ServiceContext,
  input: { claim_token?: string; email?: string },
): Promise<ClaimStartResult> {
  if (!input.claim_token) throw new OAuthError("invalid_request", "claim_token is required");
  if (!input.email) throw new OAuthError("invalid_request", "email is required");
  const email = input.email.trim().toLowerCase();
  if (!z.email().safeParse(email).success || email.length > 254) {
    throw new OAuthError("invalid_request", `email "${input.email}" is not a valid email address`);
  }
  return withTransaction(ctx, async (tx) => {
    const reg = await findRegistrationForUpdate(tx, input.claim_token!);
    if (!reg) throw new OAuthError("invalid_request", "claim_token is not valid");
    const now = tx.clock.now();
    const [account] = await tx.db.select().from(accounts).where(eq(accounts.id, reg.accountId)).limit(1);
    if (reg.tokenDeliveredAt || account?.claimedAt) {
      throw new OAuthError(
        "invalid_request",
        "This account has already been claimed; poll the token endpoint (or sign in to the app) instead",
      );
    }
    if (now.getTime() >= reg.expiresAt.getTime()) {
      throw new OAuthError(
        "invalid_request",
        `The claim window closed at ${reg.expiresAt.toISOString()}; register a new agent account`,
      );
    }
    if (await emailHasAccount(tx, email)) {
      throw new OAuthError(
        "invalid_request",
        `email_already_registered: ${email} already belongs to an OpenTrain account; use another address, or have that user sign in and mint a token in Settings → API keys`,
      );
    }
    await tx.db
      .update(claimAttempts)
      .set({ status: "superseded", resolvedAt: now })
      .where(and(eq(claimAttempts.registrationId, reg.id), eq(claimAttempts.status, "pending")));
    const attemptToken = newSecret("attempt");
    const userCode = newUserCode();
    const expiresAt = new Date(now.getTime() + CLAIM_ATTEMPT_TTL_SECONDS * 1000);
    await tx.db.insert(claimAttempts).values({
      id: newId("cla"),
      registrationId: reg.id,
      attemptTokenHash: hashSecret(attemptToken),
      userCode,
      email,
      status: "pending",
      failedCodeEntries: 0,
      expiresAt,
      createdAt: now,
    });
    const verificationUri = `${tx.config.publicUrl}/claim?token=${attemptToken}`;
    const agent = reg.agentName ? `The agent "${reg.agentName}"` : "An AI agent";
    const mail = await sendEmail(tx, {
      to: email,
      subject: "Claim your OpenTrain agent account",
      text:
        `${agent} registered an OpenTrain employer account and named you as its owner.\n\n` +
        `Open this link, sign in with ${email}, and enter the code ${userCode}:\n${verificationUri}\n\n` +
        `The link expires in 30 minutes. If you did not expect this, ignore this email.`,
      actionUrl: verificationUri,
    });
    return {
      user_code: userCode,
      verification_uri: verificationUri,
      expires_in: CLAIM_ATTEMPT_TTL_SECONDS,
      interval: reg.pollIntervalSeconds,
      email_sent: mail.sent,
    };
  });
}
