import { CLAIM_GRANT_TYPE, POST_CLAIM_SCOPES, type Scope } from "@opentrain-ai/contract";
import { and, desc, eq, isNull } from "drizzle-orm";
import { apiTokens, claimAttempts, memberships, registrations } from "../../db/schema.js";
import { OAuthError } from "../../errors.js";
import { withTransaction, type ServiceContext } from "../context.js";
import { issueToken } from "../tokens/issue-token.js";
import { principalsChanged } from "../tokens/principals-changed.js";
import { findRegistrationForUpdate } from "./find-registration.js";

/** RFC 8628: each slow_down lengthens the required interval by 5 s (capped). */
const SLOW_DOWN_STEP_SECONDS = 5;
const MAX_INTERVAL_SECONDS = 60;

/**
 * POST /api/agent/oauth/token. Errors are OAuth errors; a slow_down or pending answer still
 * records the poll, so the transaction commits before the error is raised.
 */
export async function pollClaimToken(
  ctx: ServiceContext,
  input: { grant_type?: string; claim_token?: string },
): Promise<{ access_token: string; token_type: "bearer"; scopes: Scope[] }> {
  if (!input.grant_type) throw new OAuthError("invalid_request", "grant_type is required");
  if (input.grant_type !== CLAIM_GRANT_TYPE) {
    throw new OAuthError("unsupported_grant_type", `grant_type must be ${CLAIM_GRANT_TYPE}`);
  }
  if (!input.claim_token) throw new OAuthError("invalid_request", "claim_token is required");
  const outcome = await withTransaction(ctx, async (tx) => {
    const reg = await findRegistrationForUpdate(tx, input.claim_token!);
    if (!reg) return new OAuthError("invalid_grant", "Unknown claim token");
    if (reg.tokenDeliveredAt) {
      return new OAuthError(
        "invalid_grant",
        "The post-claim token was already delivered; if it was lost, the account owner can mint a new token in Settings → API keys",
      );
    }
    const now = tx.clock.now();
    const last = reg.lastPollAt;
    await tx.db.update(registrations).set({ lastPollAt: now }).where(eq(registrations.id, reg.id));
    if (last && now.getTime() - last.getTime() < reg.pollIntervalSeconds * 1000) {
      const interval = Math.min(reg.pollIntervalSeconds + SLOW_DOWN_STEP_SECONDS, MAX_INTERVAL_SECONDS);
      await tx.db.update(registrations).set({ pollIntervalSeconds: interval }).where(eq(registrations.id, reg.id));
      return new OAuthError("slow_down", `Polling too fast; wait at least ${interval} seconds between polls`);
    }
    const [attempt] = await tx.db
      .select()
      .from(claimAttempts)
      .where(eq(claimAttempts.registrationId, reg.id))
      .orderBy(desc(claimAttempts.createdAt))
      .limit(1);
    if (attempt?.status === "accepted" && attempt.acceptedByUserId) {
      // Every token minted before the claim belongs to the agent placeholder user: revoke them all.
      await tx.db
        .update(apiTokens)
        .set({ revokedAt: now })
        .where(
          and(
            eq(apiTokens.accountId, reg.accountId),
            eq(apiTokens.userId, reg.agentUserId),
            isNull(apiTokens.revokedAt),
          ),
        );
      await tx.db
        .delete(memberships)
        .where(and(eq(memberships.accountId, reg.accountId), eq(memberships.userId, reg.agentUserId)));
      await principalsChanged(tx, [reg.accountId]);
      const issued = await issueToken(tx, {
        accountId: reg.accountId,
        userId: attempt.acceptedByUserId,
        name: reg.agentName ? `${reg.agentName} (claimed)` : "Agent token (claimed)",
        scopes: POST_CLAIM_SCOPES,
        origin: "post_claim",
      });
      await tx.db.update(registrations).set({ tokenDeliveredAt: now }).where(eq(registrations.id, reg.id));
      return { access_token: issued.secret, token_type: "bearer" as const, scopes: [...POST_CLAIM_SCOPES] };
    }
    if (now.getTime() >= reg.expiresAt.getTime()) {
      return new OAuthError("expired_token", "The 24-hour claim window has closed; register a new agent account");
    }
    if (!attempt || attempt.status === "superseded") {
      return new OAuthError(
        "authorization_pending",
        "No claim is in progress yet; start one with POST /api/agent/identity/claim",
      );
    }
    if (attempt.status === "declined") {
      return new OAuthError("access_denied", "The human declined this claim; start a new one if that was a mistake");
    }
    if (now.getTime() >= attempt.expiresAt.getTime()) {
      return new OAuthError(
        "expired_token",
        `This claim attempt expired; start a new one with POST /api/agent/identity/claim (the claim window stays open until ${reg.expiresAt.toISOString()})`,
      );
    }
    return new OAuthError("authorization_pending", "The human has not completed the claim yet; keep polling");
  });
  if (outcome instanceof OAuthError) throw outcome;
  return outcome;
}
