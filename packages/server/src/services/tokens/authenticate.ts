import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { accounts, apiTokens, memberships, users } from "../../db/schema.js";
import type { MaybePromise } from "../../maybe-promise.js";
import { hashSecret } from "../../ids.js";
import type { Principal, ServiceContext } from "../context.js";
import { tokenStatus } from "./token-record.js";

/** `lastUsedAt` is refreshed at most this often, so reads do not turn into writes. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** A principal as the auth cache keeps it: with what decides whether it is still usable. */
export interface AuthenticatedToken {
  principal: Principal;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

function lookupQuery(db: Db) {
  return db
    .select({
      tokenId: apiTokens.id,
      tokenName: apiTokens.name,
      userId: apiTokens.userId,
      accountId: apiTokens.accountId,
      scopes: apiTokens.scopes,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      role: memberships.role,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
      accountName: accounts.name,
      ownerUserId: accounts.ownerUserId,
      claimedAt: accounts.claimedAt,
    })
    .from(apiTokens)
    .innerJoin(accounts, eq(accounts.id, apiTokens.accountId))
    .innerJoin(
      memberships,
      and(eq(memberships.accountId, apiTokens.accountId), eq(memberships.userId, apiTokens.userId)),
    )
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, sql.placeholder("tokenHash")))
    .limit(1);
}

/** Built once per database: a named statement on PostgreSQL, no query building per request. */
const prepared = new WeakMap<Db, ReturnType<ReturnType<typeof lookupQuery>["prepare"]>>();
function lookup(db: Db, tokenHash: string) {
  let statement = prepared.get(db);
  if (!statement) {
    statement = lookupQuery(db).prepare("opentrain_authenticate_token");
    prepared.set(db, statement);
  }
  return statement.execute({ tokenHash });
}

async function load(ctx: ServiceContext, tokenHash: string): Promise<AuthenticatedToken | null> {
  const readAt = ctx.authCache?.beginRead() ?? 0;
  const [row] = await lookup(ctx.db, tokenHash);
  if (!row || row.revokedAt) return null;
  const found: AuthenticatedToken = {
    principal: {
      tokenId: row.tokenId,
      tokenName: row.tokenName,
      userId: row.userId,
      accountId: row.accountId,
      scopes: row.scopes,
      claimed: row.claimedAt !== null,
      role: row.role,
      profile: {
        email: row.email,
        firstName: row.firstName,
        lastName: row.lastName,
        accountName: row.accountName,
        ownerUserId: row.ownerUserId,
        claimedAt: row.claimedAt,
      },
    },
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
  };
  ctx.authCache?.setToken(tokenHash, found, readAt);
  return found;
}

/**
 * Resolves a bearer secret to its principal; null when unknown, revoked, expired or orphaned.
 * A principal in the auth cache comes back synchronously (the hot read path awaits nothing).
 */
export function authenticateToken(ctx: ServiceContext, secret: string): MaybePromise<Principal | null> {
  if (!secret.startsWith("ot_pat_") || secret.length > 200) return null;
  const tokenHash = hashSecret(secret);
  const cached = ctx.authCache?.getToken(tokenHash);
  if (cached) return usablePrincipal(ctx, cached);
  return load(ctx, tokenHash).then((found) => found && usablePrincipal(ctx, found));
}

/** The token's principal if it is active now; refreshes `lastUsedAt` at most once a minute. */
function usablePrincipal(ctx: ServiceContext, found: AuthenticatedToken): MaybePromise<Principal | null> {
  const now = ctx.clock.now();
  if (tokenStatus({ revokedAt: null, expiresAt: found.expiresAt }, now) !== "active") return null;
  if (found.lastUsedAt && now.getTime() - found.lastUsedAt.getTime() <= LAST_USED_RESOLUTION_MS) {
    return found.principal;
  }
  found.lastUsedAt = now;
  return ctx.db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(eq(apiTokens.id, found.principal.tokenId))
    .then(() => found.principal);
}
