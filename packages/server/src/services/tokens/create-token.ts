import { isScope, SCOPES, uncoveredScopes, type Scope, type TokenRecord } from "@opentrain-ai/contract";
import { and, count, eq, gt, isNull, or } from "drizzle-orm";
import { accounts, apiTokens } from "../../db/schema.js";
import { ApiError, badRequest, forbidden } from "../../errors.js";
import { withTransaction, type Principal, type ServiceContext } from "../context.js";
import { issueToken } from "./issue-token.js";
import { toTokenRecord } from "./token-record.js";

export const MAX_ACTIVE_TOKENS = 25;

/** Validates requested scopes: unknown names are a 400 listing what is supported. */
export function parseScopes(requested: readonly string[]): Scope[] {
  const unknown = requested.filter((s) => !isScope(s));
  if (unknown.length > 0) {
    throw badRequest(`Unknown scope${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`, {
      field: "scopes",
      unknownScopes: unknown,
      supportedScopes: [...SCOPES],
    });
  }
  return requested as Scope[];
}

/** Mints a token for the caller; scopes never exceed the caller's, at most 25 active per account. */
export async function createToken(
  ctx: ServiceContext,
  principal: Principal,
  input: { name?: string; scopes?: string[]; expiresAt?: string },
): Promise<{ token: string; tokenType: "bearer"; metadata: TokenRecord }> {
  const scopes = input.scopes ? parseScopes(input.scopes) : (principal.scopes as Scope[]);
  if (input.scopes && scopes.length === 0) throw badRequest("scopes must name at least one scope", { field: "scopes" });
  const escalated = uncoveredScopes(principal.scopes, scopes);
  if (escalated.length > 0) {
    throw forbidden("A new token cannot have scopes the calling token lacks.", {
      reason: "insufficient_scope",
      requiredScopes: escalated,
      grantedScopes: principal.scopes,
    });
  }
  const now = ctx.clock.now();
  let expiresAt: Date | null = null;
  if (input.expiresAt !== undefined) {
    expiresAt = new Date(input.expiresAt);
    if (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= now.getTime()) {
      throw badRequest("expiresAt must be an ISO 8601 timestamp in the future", { field: "expiresAt" });
    }
  }
  return issueCapped(ctx, {
    accountId: principal.accountId,
    userId: principal.userId,
    name: input.name ?? "API token",
    scopes,
    origin: "api",
    expiresAt,
  });
}

/** Issues a token under the per-account cap; the account row lock serialises concurrent mints. */
export async function issueCapped(
  ctx: ServiceContext,
  args: Parameters<typeof issueToken>[1],
): Promise<{ token: string; tokenType: "bearer"; metadata: TokenRecord }> {
  return withTransaction(ctx, async (tx) => {
    await tx.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, args.accountId)).for("update");
    const now = tx.clock.now();
    const [active] = await tx.db
      .select({ n: count() })
      .from(apiTokens)
      .where(
        and(
          eq(apiTokens.accountId, args.accountId),
          isNull(apiTokens.revokedAt),
          or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
        ),
      );
    if ((active?.n ?? 0) >= MAX_ACTIVE_TOKENS) {
      throw new ApiError(
        "CONFLICT",
        `This account already has ${MAX_ACTIVE_TOKENS} active tokens; revoke one before creating another.`,
        { reason: "token_limit_reached", limit: MAX_ACTIVE_TOKENS },
      );
    }
    const issued = await issueToken(tx, args);
    return { token: issued.secret, tokenType: "bearer" as const, metadata: toTokenRecord(issued.row, now) };
  });
}
