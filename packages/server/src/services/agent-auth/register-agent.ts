import { CLAIM_GRANT_TYPE, PRE_CLAIM_SCOPES, type Scope } from "@opentrain-ai/contract";
import { accounts, memberships, registrations, users } from "../../db/schema.js";
import { OAuthError } from "../../errors.js";
import { hashSecret, newId, newSecret } from "../../ids.js";
import { withTransaction, type ServiceContext } from "../context.js";
import { issueToken } from "../tokens/issue-token.js";

export const CLAIM_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface RegistrationResult {
  identity_type: "anonymous";
  registration_id: string;
  access_token: string;
  token_type: "bearer";
  scopes: Scope[];
  claim_token: string;
  claim_token_expires_at: string;
  claim_endpoint: string;
  token_endpoint: string;
  grant_type: typeof CLAIM_GRANT_TYPE;
}

/**
 * POST /api/agent/identity: a new unclaimed account with an agent user as its placeholder
 * owner, a pre-claim token and a claim token valid for 24 h.
 */
export async function registerAgent(
  ctx: ServiceContext,
  input: { identity_type?: string; agent_name?: string; organization_name?: string },
): Promise<RegistrationResult> {
  if (input.identity_type !== undefined && input.identity_type !== "anonymous") {
    throw new OAuthError(
      "unsupported_identity_type",
      `identity_type "${input.identity_type}" is not supported; omit it or send "anonymous"`,
    );
  }
  const agentName = input.agent_name ?? null;
  const claimToken = newSecret("claim");
  return withTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const userId = newId("usr");
    const accountId = newId("acc");
    const registrationId = newId("reg");
    const expiresAt = new Date(now.getTime() + CLAIM_WINDOW_MS);
    await tx.db.insert(users).values({
      id: userId,
      email: null,
      firstName: agentName ?? "Agent",
      lastName: "",
      kind: "agent",
      createdAt: now,
    });
    await tx.db.insert(accounts).values({
      id: accountId,
      name: input.organization_name ?? (agentName ? `${agentName} organization` : "Agent organization"),
      ownerUserId: userId,
      agentName,
      createdAt: now,
    });
    await tx.db.insert(memberships).values({ accountId, userId, role: "OWNER", joinedAt: now });
    const token = await issueToken(tx, {
      accountId,
      userId,
      name: agentName ? `${agentName} (pre-claim)` : "Agent registration (pre-claim)",
      scopes: PRE_CLAIM_SCOPES,
      origin: "pre_claim",
    });
    await tx.db.insert(registrations).values({
      id: registrationId,
      accountId,
      agentUserId: userId,
      claimTokenHash: hashSecret(claimToken),
      agentName,
      expiresAt,
      pollIntervalSeconds: tx.config.claimPollIntervalSeconds,
      createdAt: now,
    });
    const base = tx.config.publicUrl;
    return {
      identity_type: "anonymous" as const,
      registration_id: registrationId,
      access_token: token.secret,
      token_type: "bearer" as const,
      scopes: [...PRE_CLAIM_SCOPES],
      claim_token: claimToken,
      claim_token_expires_at: expiresAt.toISOString(),
      claim_endpoint: `${base}/api/agent/identity/claim`,
      token_endpoint: `${base}/api/agent/oauth/token`,
      grant_type: CLAIM_GRANT_TYPE,
    };
  });
}
