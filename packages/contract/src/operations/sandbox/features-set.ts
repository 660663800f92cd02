import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { FEATURE_FLAGS, type FeatureFlag } from "../../flags.js";

const flagFields = Object.fromEntries(FEATURE_FLAGS.map((f) => [f, z.boolean().optional()])) as Record<
  FeatureFlag,
  z.ZodOptional<z.ZodBoolean>
>;

export const sandboxFeaturesSet = defineOperation({
  id: "sandbox.featuresSet",
  resource: "sandbox",
  summary: "Turn feature flags on or off for an account",
  method: "PUT",
  api: "sandbox",
  path: "/accounts/{accountId}/features",
  auth: "sandbox",
  scope: null,
  encoding: "json",
  input: z.object({ accountId: z.string().min(1).max(64), ...flagFields }),
  output: z.object({
    accountId: z.string(),
    features: z.record(z.string(), z.boolean()),
  }),
  errors: ["BAD_REQUEST", "NOT_FOUND"],
  hints: { destructive: false, idempotent: true },
  cli: { command: ["sandbox", "features", "set"] },
});
