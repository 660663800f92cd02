import { and, eq } from "drizzle-orm";
import { accounts, apiTokens, memberships } from "../../db/schema.js";
import { hashSecret } from "../../ids.js";
import type { Principal, ServiceContext } from "../context.js";
import { tokenStatus } from "./token-record.js";

/** `lastUsedAt` is refreshed at most this often, so reads do not turn into writes. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** Resolves a bearer secret to its principal; null when unknown, revoked, expired or orphaned. */
export async function authenticateToken(ctx: ServiceContext, secret: string): Promise<Principal | null> {
  if (!secret.startsWith("ot_pat_") || secret.length > 200) return null;
  const [row] = await ctx.db
    .select({ token: apiTokens, claimedAt: accounts.claimedAt, role: memberships.role })
    .from(apiTokens)
    .innerJoin(accounts, eq(accounts.id, apiTokens.accountId))
    .innerJoin(
      memberships,
      and(eq(memberships.accountId, apiTokens.accountId), eq(memberships.userId, apiTokens.userId)),
    )
    .where(eq(apiTokens.tokenHash, hashSecret(secret)))
    .limit(1);
  if (!row) return null;
  const now = ctx.clock.now();
  if (tokenStatus(row.token, now) !== "active") return null;
  if (!row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await ctx.db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id));
  }
  return {
    tokenId: row.token.id,
    tokenName: row.token.name,
    userId: row.token.userId,
    accountId: row.token.accountId,
    scopes: row.token.scopes,
    claimed: row.claimedAt !== null,
    role: row.role,
  };
}
