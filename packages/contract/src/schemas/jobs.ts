import { z } from "zod";
import { PAYMENT_TYPES } from "./capabilities.js";
import { isoTimestamp, nextCursor } from "./common.js";
import { JOB_FIELDS, type JobFieldKey } from "./job-fields.js";

/** Job lifecycle statuses (spec 20 §9). */
export const JOB_STATUSES = ["DRAFT", "OPEN", "ONGOING", "COMPLETED", "ARCHIVED", "PENDING_APPROVAL"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Entry types of the tokenless `GET /jobs/changes` feed. */
export const JOB_CHANGE_EVENT_TYPES = ["PUBLISHED", "UPDATED", "CLOSED"] as const;

/**
 * Draft/job update keys (spec 20 §4), in display order: the runtime authority is
 * `draft.updateKeys` of GET /job-drafts/capabilities, which serves this list.
 */
export const JOB_UPDATE_KEYS = Object.keys(JOB_FIELDS) as JobFieldKey[];

/** Rate key that must accompany each payment type. */
export const RATE_KEY_FOR_PAYMENT_TYPE = {
  PAY_PER_HOUR: "pricePerHour",
  PAY_PER_LABEL: "pricePerLabel",
  FIXED_PRICE: "fixedPrice",
} as const satisfies Record<(typeof PAYMENT_TYPES)[number], string>;

/** Detailed missing-field entry: what to ask the human and which keys answer it. */
export const missingFieldSchema = z.object({
  field: z.string(),
  label: z.string(),
  message: z.string(),
  code: z.string().describe("Machine code, e.g. missing_required_field"),
  prompt: z.string().describe('Question to relay, "ask: …" with enum choices in parentheses'),
  type: z.string().describe("Expected value type: enum, number, string, string[], integer"),
  enumValues: z.array(z.string()).nullable(),
  updateKeys: z.array(z.string()).describe("Keys to send in the PATCH that answers this gap (set:)"),
  example: z.string(),
  hint: z.string().nullable(),
});

/** `validation` object of draft create/update and of `details.validation` on a publish 400. */
export const draftValidationSchema = z.object({
  publishReady: z.boolean().describe("true ⇒ publish will pass validation"),
  issueCount: z.number().int().nonnegative(),
  missingFieldCount: z.number().int().nonnegative(),
  missingFields: z.array(z.string()).describe("Names of the missing fields"),
  issues: z
    .array(missingFieldSchema)
    .describe("Non-missing validation problems, shaped like a missing-field entry with their own code"),
});

export const unmappedFieldSchema = z.object({
  path: z.string(),
  reason: z.string(),
  valuePreview: z.string().nullable(),
});

export const lowConfidenceFieldSchema = z
  .looseObject({
    field: z.string(),
    value: z.unknown().optional(),
    confidence: z.number().optional(),
    reason: z.string().optional(),
  })
  .describe("A field the parser extracted with doubt; review before publishing");

/** Response of POST /job-drafts. */
export const draftResultSchema = z.object({
  ok: z.literal(true),
  jobId: z.string(),
  status: z.literal("DRAFT"),
  draftUrl: z.string().describe("In-app draft editor, https://app.opentrain.ai/job-post?jobId=<id>"),
  reviewUrl: z.string(),
  validation: draftValidationSchema,
  missingFields: z.array(missingFieldSchema),
  normalizedFields: z.record(z.string(), z.unknown()).describe("Structured fields extracted, keyed by update key"),
  warnings: z.array(z.string()),
  unmappedFields: z.array(unmappedFieldSchema),
  lowConfidenceFields: z.array(lowConfidenceFieldSchema),
});
export type DraftResult = z.infer<typeof draftResultSchema>;

/** Response of PATCH /job-drafts/{jobId}: the create body; lists beyond `validation` may be absent. */
export const draftUpdateResultSchema = draftResultSchema.partial({
  reviewUrl: true,
  missingFields: true,
  normalizedFields: true,
  warnings: true,
  unmappedFields: true,
  lowConfidenceFields: true,
});

export const publishResultSchema = z.object({
  ok: z.literal(true),
  jobId: z.string(),
  status: z.literal("OPEN"),
  alreadyPublished: z.boolean().describe("true when the job was already open and nothing happened"),
  jobUrl: z.string(),
  publishAttemptId: z.string().nullable(),
  warnings: z.array(z.string()),
  sideEffects: z.object({
    dispatched: z.boolean(),
    status: z.string().describe('e.g. "queued"'),
  }),
});

export const jobUpdateResultSchema = z.object({
  ok: z.literal(true),
  jobId: z.string(),
  status: z.literal("OPEN"),
  moderation: z.object({
    decision: z.string().describe('"ALLOW" when the edit passed'),
    reasons: z.array(z.string()),
  }),
});

export const closeResultSchema = z.object({
  ok: z.literal(true),
  jobId: z.string(),
  status: z.literal("ARCHIVED"),
  alreadyClosed: z.boolean(),
});

export const inviteResultSchema = z.object({
  ok: z.literal(true),
  proposalId: z.string(),
  jobId: z.string(),
  freelancerId: z.string(),
  alreadyInvited: z.boolean(),
});

/** Entry of GET /jobs/mine. */
export const myJobSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(JOB_STATUSES),
  published: z.boolean(),
  acceptingApplicants: z.boolean(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  jobUrl: z.string(),
  proposalCounts: z.object({
    total: z.number().int().nonnegative(),
    unreviewed: z.number().int().nonnegative(),
  }),
});

export const myJobsPageSchema = z.object({
  jobs: z.array(myJobSchema),
  nextCursor,
});

/** Public job object of the tokenless marketplace (spec 20 §8). */
export const publicJobSchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  companyName: z.string(),
  descriptionText: z.string(),
  descriptionHtml: z.string(),
  seoTitle: z.string().nullable(),
  summary: z.string().nullable(),
  status: z.literal("OPEN"),
  datePosted: isoTimestamp,
  validThrough: isoTimestamp,
  updatedAt: isoTimestamp,
  employmentTypes: z.array(z.string()),
  countries: z.array(z.string()),
  languages: z.array(z.string()),
  category: z.string(),
  dataType: z.string(),
  labelTypes: z.array(z.string()),
  labelingSoftware: z.string().nullable(),
  experienceLevel: z.string().describe('Display label, e.g. "Intermediate"'),
  skills: z.array(z.string()),
  pay: z.object({
    paymentType: z.enum(PAYMENT_TYPES),
    currency: z.string(),
    hourlyRate: z.number().nullable(),
    hourlyMin: z.number().nullable(),
    hourlyMax: z.number().nullable(),
    fixedPrice: z.number().nullable(),
    perLabelRate: z.number().nullable(),
  }),
  url: z.string(),
  applyUrl: z.string(),
});
export type PublicJob = z.infer<typeof publicJobSchema>;

export const jobSearchPageSchema = z.object({
  jobs: z.array(publicJobSchema),
  nextCursor,
  generatedAt: isoTimestamp,
});

const facetBucket = z.object({
  value: z.string(),
  count: z.number().int().nonnegative(),
});

export const jobFacetsSchema = z.object({
  totalJobs: z.number().int().nonnegative(),
  categories: z.array(facetBucket),
  languages: z.array(facetBucket),
  countries: z.array(facetBucket),
  payTypes: z.array(
    z.object({
      value: z.enum(PAYMENT_TYPES),
      count: z.number().int().nonnegative(),
    }),
  ),
  generatedAt: isoTimestamp,
});

export const jobChangesSchema = z.object({
  since: isoTimestamp,
  until: isoTimestamp.describe("Pass back as the next since"),
  changes: z.array(
    z.object({
      jobId: z.string(),
      eventType: z.enum(JOB_CHANGE_EVENT_TYPES),
      occurredAt: isoTimestamp,
    }),
  ),
  generatedAt: isoTimestamp,
});

/** Body of the bare 404 for a job that exists but is not publicly listed. */
export const closedJobSchema = z.object({
  id: z.string(),
  status: z.literal("closed"),
});
