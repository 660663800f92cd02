import { FEATURE_FLAGS, type FeatureFlag } from "@opentrain-ai/contract";
import { eq } from "drizzle-orm";
import { accountFeatures } from "../../db/schema.js";
import type { MaybePromise } from "../../maybe-promise.js";
import type { ServiceContext } from "../context.js";
import { principalsChanged } from "../tokens/principals-changed.js";

export type FeatureSet = Record<FeatureFlag, boolean>;

/**
 * Every flag is on (rollout mode ALL) unless the account has an override. Synchronous when the
 * auth cache holds the account's flags (the gates run on every request).
 */
export function getFeatures(ctx: ServiceContext, accountId: string): MaybePromise<FeatureSet> {
  return ctx.authCache?.getFeatures(accountId) ?? readFeatures(ctx, accountId);
}

async function readFeatures(ctx: ServiceContext, accountId: string): Promise<FeatureSet> {
  const readAt = ctx.authCache?.beginRead() ?? 0;
  const rows = await ctx.db.select().from(accountFeatures).where(eq(accountFeatures.accountId, accountId));
  const set = Object.fromEntries(FEATURE_FLAGS.map((f) => [f, true])) as FeatureSet;
  for (const r of rows) if (r.flag in set) set[r.flag as FeatureFlag] = r.enabled;
  ctx.authCache?.setFeatures(accountId, set, readAt);
  return set;
}

/** Stores overrides for the given flags. */
export async function setFeatures(
  ctx: ServiceContext,
  accountId: string,
  changes: Partial<Record<FeatureFlag, boolean>>,
): Promise<FeatureSet> {
  for (const [flag, enabled] of Object.entries(changes)) {
    if (enabled === undefined) continue;
    await ctx.db
      .insert(accountFeatures)
      .values({ accountId, flag, enabled })
      .onConflictDoUpdate({ target: [accountFeatures.accountId, accountFeatures.flag], set: { enabled } });
  }
  await principalsChanged(ctx, [accountId]);
  return getFeatures(ctx, accountId);
}
