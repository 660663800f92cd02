import { FEATURE_FLAGS, type FeatureFlag, type operations } from "@opentrain-ai/contract";
import { notFound } from "../../errors.js";
import type { Handler } from "../../http/request-context.js";
import { setFeatures } from "../../services/accounts/features.js";
import { getAccount } from "../../services/accounts/get-account.js";

export const featuresSet: Handler<typeof operations.sandboxFeaturesSet> = async (ctx, input) => {
  if (!(await getAccount(ctx, input.accountId)))
    throw notFound("No account with this id.", { accountId: input.accountId });
  const changes: Partial<Record<FeatureFlag, boolean>> = {};
  for (const flag of FEATURE_FLAGS) if (input[flag] !== undefined) changes[flag] = input[flag];
  return { accountId: input.accountId, features: await setFeatures(ctx, input.accountId, changes) };
};
