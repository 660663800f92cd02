import { z } from "zod";
import { DATA_VOLUME_UNITS, EXPERIENCE_LEVELS, PAYMENT_TYPES } from "./capabilities.js";

/**
 * The job field catalog (spec 20 §4): every update key accepted by PATCH /job-drafts/{jobId}
 * and PATCH /jobs/{jobId}, with its type, and every enum's values. GET /job-drafts/capabilities
 * serves it; the server validates patches with the schemas below.
 */

/** Kind of data (display names, as the public job object shows them). */
export const DATA_TYPES = [
  "Image",
  "Video",
  "Text",
  "Audio",
  "Document",
  "Code",
  "3D Sensor",
  "Medical",
  "Geospatial",
  "Multimodal",
  "Other",
] as const;
export type DataType = (typeof DATA_TYPES)[number];

/** Display categories of the public marketplace (derived server-side; not an update key). */
export const JOB_CATEGORIES = [
  "Image Annotation",
  "Video Annotation",
  "Text Annotation",
  "Audio Annotation",
  "Generative AI & RLHF",
  "Code & Software",
  "3D & LiDAR Annotation",
  "Medical Data Annotation",
  "Geospatial Annotation",
  "Document Processing",
  "Data Annotation",
] as const;
export type JobCategory = (typeof JOB_CATEGORIES)[number];

/** Listing visibility: INVITE_ONLY jobs are OPEN for invited trainers but not publicly listed. */
export const JOB_VISIBILITIES = ["PUBLIC", "INVITE_ONLY"] as const;

/** Kind of freelancer wanted. */
export const FREELANCER_TYPES = ["INDIVIDUAL", "AGENCY", "ANY"] as const;

/** Common annotation types; labelTypes accepts any text, these are the canonical spellings. */
export const LABEL_TYPE_SUGGESTIONS = [
  "Bounding Box",
  "Polygon",
  "Segmentation",
  "Keypoints",
  "Cuboid",
  "Object Tracking",
  "Classification",
  "Named Entity Recognition",
  "Sentiment Analysis",
  "Transcription",
  "Translation",
  "RLHF",
  "Supervised Fine-Tuning",
  "Red Teaming",
  "Prompt Writing",
  "Response Evaluation",
  "Content Moderation",
  "Data Collection",
] as const;

/** Most decimals a USD amount may carry: amounts are stored as integer micro-dollars. */
const MICRO = 1_000_000;
const usd = (what: string) =>
  z
    .number()
    .positive()
    .max(1_000_000)
    .refine((v) => Math.abs(v * MICRO - Math.round(v * MICRO)) < 1e-6, `${what} has more than 6 decimal places`);

const text = (max: number) => z.string().trim().min(1).max(max);
const list = (item: z.ZodType<string>) => z.array(item).max(50);

/** ISO 3166-1 alpha-2 code, any case in, upper case out. */
export const countryCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, "Use ISO 3166-1 alpha-2 country codes such as US, DE, IN")
  .transform((v) => v.toUpperCase())
  .refine(isRegionCode, { message: "Not an ISO 3166-1 alpha-2 country code" });

let regionNames: Intl.DisplayNames | null = null;
/** Region codes ICU names that are not countries (unions, pseudo-regions, reserved codes). */
const NOT_COUNTRIES = new Set([
  "EU",
  "EZ",
  "UN",
  "QO",
  "XA",
  "XB",
  "ZZ",
  "FX",
  "AN",
  "BU",
  "CS",
  "DD",
  "NT",
  "SU",
  "TP",
  "YD",
  "YU",
  "ZR",
]);
/** True for an ISO 3166-1 alpha-2 country code the runtime's ICU knows (US, DE, …). */
export function isRegionCode(code: string): boolean {
  regionNames ??= new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
  try {
    return /^[A-Z]{2}$/.test(code) && !NOT_COUNTRIES.has(code) && regionNames.of(code) !== undefined;
  } catch {
    return false;
  }
}

export const budgetRangeSchema = z
  .object({
    min: z.number().nonnegative().max(1_000_000).describe("Lowest rate or budget, USD"),
    max: z.number().nonnegative().max(1_000_000).describe("Highest rate or budget, USD"),
  })
  .strict()
  .refine((v) => v.min <= v.max, { message: "budgetRange.min must not exceed budgetRange.max", path: ["min"] });

export type JobFieldType = "string" | "text" | "number" | "integer" | "enum" | "string[]" | "object";

export interface JobFieldSpec<S extends z.ZodType = z.ZodType> {
  label: string;
  type: JobFieldType;
  description: string;
  enumValues: readonly string[] | null;
  /** A sample answer, always a string (spec 20 §3.2). */
  example: string;
  schema: S;
}

const field = <S extends z.ZodType>(spec: JobFieldSpec<S>): JobFieldSpec<S> => spec;

/** Every update key, in display order. */
export const JOB_FIELDS = {
  jobTitle: field({
    label: "Job title",
    type: "string",
    description: "Title of the listing (1–200 characters)",
    enumValues: null,
    example: "German Audio Transcription",
    schema: text(200),
  }),
  jobDescription: field({
    label: "Job description",
    type: "text",
    description: "Full description text (≤ 60,000 characters)",
    enumValues: null,
    example: "Transcribe 200 short German customer-service calls verbatim.",
    schema: text(60_000),
  }),
  labelingOverview: field({
    label: "Labeling overview",
    type: "text",
    description: "Overview of the labelling task",
    enumValues: null,
    example: "Draw tight boxes around every pedestrian and cyclist.",
    schema: text(10_000),
  }),
  datasetDescription: field({
    label: "Dataset description",
    type: "text",
    description: "Description of the data",
    enumValues: null,
    example: "50,000 dashcam frames from European cities, 1080p.",
    schema: text(10_000),
  }),
  dataType: field({
    label: "Data type",
    type: "enum",
    description: "Kind of data",
    enumValues: DATA_TYPES,
    example: "Audio",
    schema: z.enum(DATA_TYPES),
  }),
  subjectMatter: field({
    label: "Subject matter",
    type: "string",
    description: "Domain or subject of the data",
    enumValues: null,
    example: "Customer support",
    schema: text(200),
  }),
  dataVolume: field({
    label: "Data volume",
    type: "number",
    description: "Amount of data, in dataVolumeUnit units",
    enumValues: null,
    example: "20000",
    schema: z.number().nonnegative().max(1e12),
  }),
  dataVolumeUnit: field({
    label: "Data volume unit",
    type: "enum",
    description: "Unit of dataVolume",
    enumValues: DATA_VOLUME_UNITS,
    example: "NUMBER_OF_FILES",
    schema: z.enum(DATA_VOLUME_UNITS),
  }),
  labelingSoftware: field({
    label: "Labeling software",
    type: "string",
    description: "Tool the trainers will use, e.g. Labelbox, Label Studio, CVAT, OTHER",
    enumValues: null,
    example: "Label Studio",
    schema: text(200),
  }),
  headcount: field({
    label: "Headcount",
    type: "integer",
    description: "How many AI trainers to hire",
    enumValues: null,
    example: "5",
    schema: z.number().int().positive().max(100_000),
  }),
  experienceLevel: field({
    label: "Experience level",
    type: "enum",
    description: "Experience the trainers need",
    enumValues: EXPERIENCE_LEVELS,
    example: "INTERMEDIATE",
    schema: z.enum(EXPERIENCE_LEVELS),
  }),
  paymentType: field({
    label: "Payment type",
    type: "enum",
    description: "How trainers are paid; pair with its rate key: pricePerHour, pricePerLabel or fixedPrice",
    enumValues: PAYMENT_TYPES,
    example: "PAY_PER_HOUR",
    schema: z.enum(PAYMENT_TYPES),
  }),
  pricePerHour: field({
    label: "Hourly rate",
    type: "number",
    description: "Hourly rate, USD (PAY_PER_HOUR)",
    enumValues: null,
    example: "15",
    schema: usd("pricePerHour"),
  }),
  pricePerLabel: field({
    label: "Per-label rate",
    type: "number",
    description: "Per-label rate, USD (PAY_PER_LABEL)",
    enumValues: null,
    example: "0.05",
    schema: usd("pricePerLabel"),
  }),
  fixedPrice: field({
    label: "Fixed price",
    type: "number",
    description: "Total price, USD (FIXED_PRICE)",
    enumValues: null,
    example: "500",
    schema: usd("fixedPrice"),
  }),
  budgetRange: field({
    label: "Budget range",
    type: "object",
    description: "{min, max} in USD, in the unit of paymentType (per hour, per label or total)",
    enumValues: null,
    example: '{"min": 15, "max": 20}',
    schema: budgetRangeSchema,
  }),
  countries: field({
    label: "Countries",
    type: "string[]",
    description: "ISO 3166-1 alpha-2 codes of the countries allowed to apply; empty = anywhere",
    enumValues: null,
    example: '["US", "CA"]',
    schema: list(countryCodeSchema),
  }),
  languages: field({
    label: "Languages",
    type: "string[]",
    description: "Required languages, display names such as Spanish",
    enumValues: null,
    example: '["Spanish"]',
    schema: list(text(60)),
  }),
  labelTypes: field({
    label: "Label types",
    type: "string[]",
    description: `Annotation types, e.g. ${LABEL_TYPE_SUGGESTIONS.slice(0, 6).join(", ")}`,
    enumValues: null,
    example: '["Bounding Box"]',
    schema: list(text(100)),
  }),
  aiInterviewRequirements: field({
    label: "AI interview requirements",
    type: "text",
    description: "What the AI interview should check in applicants",
    enumValues: null,
    example: "Ask about prior transcription work and test German spelling.",
    schema: text(10_000),
  }),
  workloadDesc: field({
    label: "Workload",
    type: "text",
    description: "Workload description",
    enumValues: null,
    example: "About 200 clips per trainer per week.",
    schema: text(2_000),
  }),
  timeRequirement: field({
    label: "Time requirement",
    type: "string",
    description: "Time commitment, e.g. 20 hours/week",
    enumValues: null,
    example: "20 hours/week",
    schema: text(200),
  }),
  projectDuration: field({
    label: "Project duration",
    type: "string",
    description: "Duration, e.g. 6 weeks",
    enumValues: null,
    example: "6 weeks",
    schema: text(200),
  }),
  freelancerType: field({
    label: "Freelancer type",
    type: "enum",
    description: "Kind of freelancer wanted",
    enumValues: FREELANCER_TYPES,
    example: "INDIVIDUAL",
    schema: z.enum(FREELANCER_TYPES),
  }),
  projectScope: field({
    label: "Project scope",
    type: "text",
    description: "Scope of the project",
    enumValues: null,
    example: "One-off labelling of a fixed dataset.",
    schema: text(2_000),
  }),
  visibility: field({
    label: "Visibility",
    type: "enum",
    description: "PUBLIC lists the job on the marketplace; INVITE_ONLY keeps it off public listings",
    enumValues: JOB_VISIBILITIES,
    example: "PUBLIC",
    schema: z.enum(JOB_VISIBILITIES),
  }),
} as const satisfies Record<string, JobFieldSpec>;

export type JobFieldKey = keyof typeof JOB_FIELDS;

/** Every enum of the catalog (capabilities `draft.enums`). */
export const JOB_ENUMS = {
  paymentType: PAYMENT_TYPES,
  experienceLevel: EXPERIENCE_LEVELS,
  dataVolumeUnit: DATA_VOLUME_UNITS,
  dataType: DATA_TYPES,
  freelancerType: FREELANCER_TYPES,
  visibility: JOB_VISIBILITIES,
  category: JOB_CATEGORIES,
  currency: ["USD"],
} as const;

/** The PATCH body shape: every key optional; `null` clears a field. */
export const jobUpdateFieldShape = Object.fromEntries(
  Object.entries(JOB_FIELDS).map(([key, spec]) => [
    key,
    (spec.schema as z.ZodType).nullable().optional().describe(`${spec.description}; null clears it`),
  ]),
) as { [K in JobFieldKey]: z.ZodOptional<z.ZodNullable<(typeof JOB_FIELDS)[K]["schema"]>> };

/** Typed values of the update keys. */
export type JobFields = { [K in JobFieldKey]?: z.output<(typeof JOB_FIELDS)[K]["schema"]> };
