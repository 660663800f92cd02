import type { TokenRecord } from "@opentrain-ai/contract";
import { and, desc, eq } from "drizzle-orm";
import { apiTokens } from "../../db/schema.js";
import type { Principal, ServiceContext } from "../context.js";
import { toTokenRecord } from "./token-record.js";

/** The account's tokens newest first: an owner sees all of them, a member only their own. */
export async function listTokens(ctx: ServiceContext, principal: Principal): Promise<TokenRecord[]> {
  const visible =
    principal.role === "OWNER"
      ? eq(apiTokens.accountId, principal.accountId)
      : and(eq(apiTokens.accountId, principal.accountId), eq(apiTokens.userId, principal.userId));
  const rows = await ctx.db
    .select()
    .from(apiTokens)
    .where(visible)
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  const now = ctx.clock.now();
  return rows.map((r) => toTokenRecord(r, now));
}
