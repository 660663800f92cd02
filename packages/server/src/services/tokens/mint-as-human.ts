import type { TokenRecord } from "@opentrain-ai/contract";
import { and, eq } from "drizzle-orm";
import { accounts, memberships } from "../../db/schema.js";
import { badRequest, conflict, forbidden, notFound } from "../../errors.js";
import type { ServiceContext } from "../context.js";
import { issueCapped, parseScopes } from "./create-token.js";

/**
 * Settings → API keys: a signed-in human mints a token with any scope (including
 * payments:write and webhooks:manage, which the agent flow never grants) for an account they
 * belong to. `userId` defaults to the account owner (the sandbox helper acts as the owner).
 */
export async function mintTokenAsHuman(
  ctx: ServiceContext,
  args: { accountId: string; userId?: string; name?: string; scopes: string[]; expiresAt?: Date | null },
): Promise<{ token: string; tokenType: "bearer"; metadata: TokenRecord }> {
  const [account] = await ctx.db.select().from(accounts).where(eq(accounts.id, args.accountId)).limit(1);
  if (!account) throw notFound("No account with this id.", { accountId: args.accountId });
  if (!account.claimedAt) {
    throw conflict("This account is not claimed yet; a human must claim it before minting tokens in the app.", {
      reason: "account_claim_required",
    });
  }
  const userId = args.userId ?? account.ownerUserId;
  const [member] = await ctx.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.accountId, account.id), eq(memberships.userId, userId)))
    .limit(1);
  if (!member) throw forbidden("You are not a member of this account.");
  const scopes = parseScopes(args.scopes);
  if (scopes.length === 0) throw badRequest("Choose at least one scope.", { field: "scopes" });
  if (args.expiresAt && args.expiresAt.getTime() <= ctx.clock.now().getTime()) {
    throw badRequest("The expiry must be in the future.", { field: "expiresAt" });
  }
  return issueCapped(ctx, {
    accountId: account.id,
    userId,
    name: args.name ?? "API token",
    scopes,
    origin: "app",
    expiresAt: args.expiresAt ?? null,
  });
}
