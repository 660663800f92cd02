import { sortScopes } from "@opentrain-ai/contract";
import { apiTokens, type TokenOrigin } from "../../db/schema.js";
import { hashSecret, newId, newSecret, previewToken } from "../../ids.js";
import type { ServiceContext } from "../context.js";

export interface IssuedToken {
  secret: string;
  row: typeof apiTokens.$inferSelect;
}

/** Creates a token row and returns the secret, which is never stored in clear. */
export async function issueToken(
  ctx: ServiceContext,
  args: {
    accountId: string;
    userId: string;
    name: string;
    scopes: readonly string[];
    origin: TokenOrigin;
    expiresAt?: Date | null;
  },
): Promise<IssuedToken> {
  const secret = newSecret("pat");
  const [row] = await ctx.db
    .insert(apiTokens)
    .values({
      id: newId("tok"),
      accountId: args.accountId,
      userId: args.userId,
      name: args.name,
      tokenHash: hashSecret(secret),
      preview: previewToken(secret),
      scopes: sortScopes(args.scopes),
      origin: args.origin,
      createdAt: ctx.clock.now(),
      expiresAt: args.expiresAt ?? null,
    })
    .returning();
  return { secret, row: row! };
}
