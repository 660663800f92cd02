import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { JOB_IMPORT_FORMATS } from "../../schemas/capabilities.js";
import { draftResultSchema } from "../../schemas/jobs.js";

const MAX_DESCRIPTION = 60_000;

const externalId = z.string().trim().min(1).max(200).describe("Source-system id for audit/idempotency");
const idempotencyKey = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .describe("Reuse the same key to avoid duplicate drafts on retry");

const input = z
  .object({
    rawJobDescription: z
      .string()
      .trim()
      .min(1)
      .max(MAX_DESCRIPTION)
      .optional()
      .describe("Full plain-text job description or project brief (≤ 60,000 characters)"),
    source: z
      .looseObject({
        type: z.enum(JOB_IMPORT_FORMATS).describe("Import format"),
        text: z.string().max(MAX_DESCRIPTION).optional().describe('Description text when type is "text"'),
        externalId: externalId.optional(),
        idempotencyKey: idempotencyKey.optional(),
      })
      .optional()
      .describe("Source object; non-text payloads may nest as job, jsonLd or xml"),
    format: z.enum(JOB_IMPORT_FORMATS).optional().describe("Top-level twin of source.type"),
    job: z
      .record(z.string(), z.unknown())
      .optional()
      .describe("OpenTrain canonical job object (format=opentrain_canonical)"),
    jsonLd: z
      .record(z.string(), z.unknown())
      .optional()
      .describe("schema.org JobPosting JSON-LD (format=schema_org_job_posting)"),
    xml: z.string().min(1).max(1_000_000).optional().describe("Feed XML (format=indeed_xml or hr_xml)"),
    externalId: externalId.optional(),
    idempotencyKey: idempotencyKey.optional(),
  })
  .refine((v) => v.rawJobDescription !== undefined || v.source !== undefined || v.format !== undefined, {
    message: "Send rawJobDescription, a source object, or a format with its payload",
    path: ["rawJobDescription"],
  });
type CreateDraftInput = z.infer<typeof input>;

export const jobDraftsCreate = defineOperation({
  id: "jobDrafts.create",
  resource: "jobDrafts",
  summary: "Create an unpublished job draft",
  description:
    'Parses a plain-text description (rawJobDescription, or source {type: "text", text}) or an import payload (format + job | jsonLd | xml, or the same nested in source) into structured fields. Never publishes. The answer lists every missing field with an ask: question, its type, enum values and the update keys that fill it. 201 for a new draft; 200 when idempotencyKey matches an existing draft (the same draft is returned).',
  method: "POST",
  api: "public",
  path: "/job-drafts",
  auth: "bearer",
  scope: "jobs:write",
  feature: "public_api_job_drafting",
  successStatus: 201,
  input,
  output: draftResultSchema,
  errors: ["BAD_REQUEST", "CONFLICT"],
  hints: { destructive: false, idempotent: false },
  tool: {
    name: "opentrain_create_job_draft",
    title: "Create job draft",
    description:
      "Create an unpublished job draft from a full job description or supported import payload — the primary drafting workflow. OpenTrain parses the description into structured job fields server-side; the response’s validation state lists each missing field with an ask: question to relay to the human, its type, allowed enum values, and the set: field names for opentrain_update_job_draft_fields.",
    params: z.object({
      jobDescription: z
        .string()
        .optional()
        .describe("Full plain-text job description or project brief (primary workflow)"),
      title: z.string().optional().describe("Title to prepend for plain-text imports"),
      externalId: z.string().optional().describe("Source-system id for audit/idempotency"),
      idempotencyKey: z.string().optional().describe("Reuse the same key to avoid duplicate drafts on retry"),
      canonicalJob: z
        .record(z.string(), z.unknown())
        .optional()
        .describe("OpenTrain canonical job object (format=opentrain_canonical)"),
      importPayload: z
        .record(z.string(), z.unknown())
        .optional()
        .describe("Supported import payload, e.g. schema.org JSON-LD"),
    }),
    toInput: (p) => {
      const common = {
        externalId: p.externalId as string | undefined,
        idempotencyKey: p.idempotencyKey as string | undefined,
      };
      const payload = p.importPayload as Record<string, unknown> | undefined;
      if (p.canonicalJob) {
        return {
          ...common,
          format: "opentrain_canonical" as const,
          job: p.canonicalJob as Record<string, unknown>,
        };
      }
      if (payload) {
        // Already shaped as a top-level import ({format, jsonLd|xml|job}) or as a source object ({type, …}).
        if (typeof payload.format === "string") return { ...common, ...payload } as CreateDraftInput;
        if (typeof payload.type === "string" && !("@type" in payload)) {
          return { ...common, source: payload } as CreateDraftInput;
        }
        // Otherwise treat it as a schema.org JobPosting JSON-LD object.
        return {
          ...common,
          format: "schema_org_job_posting" as const,
          jsonLd: payload,
        };
      }
      const description = p.jobDescription as string | undefined;
      const title = p.title as string | undefined;
      const text = [title, description].filter((s): s is string => Boolean(s && s.trim())).join("\n\n");
      return { ...common, rawJobDescription: text || description };
    },
  },
  cli: {
    command: ["jobs", "draft", "create"],
    aliases: { rawJobDescription: ["description", "text"] },
  },
});
