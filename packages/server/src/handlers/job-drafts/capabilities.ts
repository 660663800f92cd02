import {
  CAPABILITY_FLAGS,
  DATA_VOLUME_UNITS,
  EXPERIENCE_LEVELS,
  JOB_IMPORT_FORMATS,
  PAYMENT_TYPES,
  type operations,
} from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { getFeatures } from "../../services/accounts/features.js";

export const capabilities: Handler<typeof operations.jobDraftsCapabilities> = async (ctx) => {
  const features = await getFeatures(ctx, principalOf(ctx).accountId);
  const caps = Object.fromEntries(
    Object.entries(CAPABILITY_FLAGS).map(([key, flag]) => [key, features[flag]]),
  ) as Record<keyof typeof CAPABILITY_FLAGS, boolean>;
  return {
    featureKey: "public_api_job_drafting" as const,
    namespace: "job-drafts" as const,
    rolloutMode: Object.values(features).every(Boolean) ? ("ALL" as const) : ("ALLOWLIST" as const),
    actorIsAdmin: false,
    capabilities: caps,
    draft: {
      importFormats: [...JOB_IMPORT_FORMATS],
      // The field catalog (update keys and every enum) arrives with job drafting.
      updateKeys: [],
      enums: {
        paymentType: [...PAYMENT_TYPES],
        experienceLevel: [...EXPERIENCE_LEVELS],
        dataVolumeUnit: [...DATA_VOLUME_UNITS],
      },
    },
    authBootstrap: "token" as const,
    enabled: true as const,
  };
};
