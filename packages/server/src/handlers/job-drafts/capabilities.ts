import {
  CAPABILITY_FLAGS,
  JOB_ENUMS,
  JOB_FIELDS,
  JOB_IMPORT_FORMATS,
  JOB_UPDATE_KEYS,
  type operations,
} from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { getFeatures } from "../../services/accounts/features.js";
import { ALWAYS_REQUIRED } from "../../services/jobs/validation.js";

const REQUIRED = new Set<string>(ALWAYS_REQUIRED);

/** The field catalog: every update key with its type, enum values and an example answer. */
const FIELD_CATALOG = JOB_UPDATE_KEYS.map((key) => {
  const spec = JOB_FIELDS[key];
  return {
    key,
    label: spec.label,
    type: spec.type,
    description: spec.description,
    enumValues: spec.enumValues ? [...spec.enumValues] : null,
    example: spec.example,
    requiredForPublish: REQUIRED.has(key),
  };
});
const ENUMS = Object.fromEntries(Object.entries(JOB_ENUMS).map(([k, v]) => [k, [...v]]));

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
      updateKeys: [...JOB_UPDATE_KEYS],
      enums: ENUMS,
      fields: FIELD_CATALOG,
    },
    authBootstrap: "token" as const,
    enabled: true as const,
  };
};
