import { z } from "zod";

export const JOB_IMPORT_FORMATS = [
  "text",
  "opentrain_canonical",
  "schema_org_job_posting",
  "indeed_xml",
  "hr_xml",
] as const;

export const PAYMENT_TYPES = ["PAY_PER_LABEL", "PAY_PER_HOUR", "FIXED_PRICE"] as const;
export const EXPERIENCE_LEVELS = ["EXPERT", "ENTRY_LEVEL", "INTERMEDIATE", "ANY_EXPERIENCE_LEVEL"] as const;
export const DATA_VOLUME_UNITS = [
  "HOURS_OF_RECORDING_AUDIO_VIDEO",
  "NUMBER_OF_FILES",
  "NUMBER_OF_WORDS",
  "UNKNOWN_NOT_SPECIFIED",
] as const;

export const capabilitiesSchema = z.object({
  featureKey: z.literal("public_api_job_drafting"),
  namespace: z.literal("job-drafts"),
  rolloutMode: z.enum(["ALL", "ALLOWLIST"]),
  actorIsAdmin: z.boolean(),
  capabilities: z.object({
    draftImport: z.boolean(),
    draftCreate: z.boolean(),
    draftUpdate: z.boolean(),
    draftUrlRead: z.boolean(),
    publish: z.boolean(),
    hiring: z.boolean(),
    messagingWrites: z.boolean(),
    team: z.boolean(),
    paymentsWrite: z.boolean(),
    credits: z.boolean(),
    webhooks: z.boolean(),
  }),
  draft: z
    .object({
      importFormats: z.array(z.enum(JOB_IMPORT_FORMATS)),
      updateKeys: z.array(z.string()).describe("Every key accepted by both PATCH endpoints"),
      enums: z.record(z.string(), z.array(z.string())).describe("Every enum's values, keyed by field"),
      fields: z
        .array(
          z.object({
            key: z.string(),
            label: z.string(),
            type: z.string().describe("string, text, number, integer, enum, string[] or object"),
            description: z.string(),
            enumValues: z.array(z.string()).nullable(),
            example: z.string(),
            requiredForPublish: z.boolean().describe("Always required (the rate key is required per paymentType)"),
          }),
        )
        .optional()
        .describe("The field catalog: one entry per update key"),
    })
    .loose(),
  authBootstrap: z.enum(["token", "session"]),
  enabled: z.literal(true),
});
