import { and, eq, isNull } from "drizzle-orm";
import { apiTokens } from "../../db/schema.js";
import { hashSecret } from "../../ids.js";
import type { ServiceContext } from "../context.js";
import { principalsChanged } from "./principals-changed.js";

/** RFC 7009: revokes the token if it exists; reveals nothing either way. */
export async function revokeTokenByValue(ctx: ServiceContext, secret: string): Promise<void> {
  const revoked = await ctx.db
    .update(apiTokens)
    .set({ revokedAt: ctx.clock.now() })
    .where(and(eq(apiTokens.tokenHash, hashSecret(secret)), isNull(apiTokens.revokedAt)))
    .returning({ accountId: apiTokens.accountId });
  await principalsChanged(
    ctx,
    revoked.map((r) => r.accountId),
  );
}
