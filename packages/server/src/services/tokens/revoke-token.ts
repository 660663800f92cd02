import type { TokenRecord } from "@opentrain-ai/contract";
import { and, eq } from "drizzle-orm";
import { apiTokens } from "../../db/schema.js";
import { notFound } from "../../errors.js";
import type { Principal, ServiceContext } from "../context.js";
import { principalsChanged } from "./principals-changed.js";
import { toTokenRecord } from "./token-record.js";

/** Revokes one of the account's tokens by id; unknown ids and other accounts' tokens are a 404. */
export async function revokeToken(ctx: ServiceContext, principal: Principal, tokenId: string): Promise<TokenRecord> {
  const owned = and(eq(apiTokens.id, tokenId), eq(apiTokens.accountId, principal.accountId));
  const visible = principal.role === "OWNER" ? owned : and(owned, eq(apiTokens.userId, principal.userId));
  const now = ctx.clock.now();
  const [row] = await ctx.db.select().from(apiTokens).where(visible).limit(1);
  if (!row) throw notFound("No token with this id on this account.", { tokenId });
  if (row.revokedAt) return toTokenRecord(row, now);
  const [updated] = await ctx.db.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.id, row.id)).returning();
  await principalsChanged(ctx, [row.accountId]);
  return toTokenRecord(updated!, now);
}
