/** Per-account feature flags (spec 10 §6), all on by default (rollout mode `ALL`). */
export const FEATURE_FLAGS = [
  "public_api_job_drafting",
  "public_api_job_publishing",
  "public_api_hiring",
  "public_api_messaging_writes",
  "public_api_payments_write",
  "public_api_credits",
  "public_api_webhooks",
  "public_api_team",
] as const;
export type FeatureFlag = (typeof FEATURE_FLAGS)[number];

export function isFeatureFlag(value: string): value is FeatureFlag {
  return (FEATURE_FLAGS as readonly string[]).includes(value);
}

/** `capabilities.*` keys of GET /job-drafts/capabilities and the flag behind each. */
export const CAPABILITY_FLAGS = {
  draftImport: "public_api_job_drafting",
  draftCreate: "public_api_job_drafting",
  draftUpdate: "public_api_job_drafting",
  draftUrlRead: "public_api_job_drafting",
  publish: "public_api_job_publishing",
  hiring: "public_api_hiring",
  messagingWrites: "public_api_messaging_writes",
  team: "public_api_team",
  paymentsWrite: "public_api_payments_write",
  credits: "public_api_credits",
  webhooks: "public_api_webhooks",
} as const satisfies Record<string, FeatureFlag>;
