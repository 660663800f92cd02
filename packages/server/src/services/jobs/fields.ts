import {
  JOB_CATEGORIES,
  JOB_FIELDS,
  JOB_UPDATE_KEYS,
  type JobCategory,
  type JobFieldKey,
  type JobFields,
} from "@opentrain-ai/contract";
import type { jobs } from "../../db/schema.js";
import { canonicalLanguages } from "./languages.js";

export type JobRow = typeof jobs.$inferSelect;
export type JobColumns = Omit<
  typeof jobs.$inferInsert,
  | "id"
  | "accountId"
  | "createdByUserId"
  | "status"
  | "slug"
  | "importFormat"
  | "importReport"
  | "createdAt"
  | "updatedAt"
  | "moderationReasons"
>;

/** Money is stored as integer micro-dollars: 1 USD = 1,000,000 (per-label rates go down to $0.001). */
export const MICROS_PER_USD = 1_000_000;
export const toMicros = (usd: number): number => Math.round(usd * MICROS_PER_USD);
export function fromMicros(micros: number | null): number | null {
  return micros === null ? null : micros / MICROS_PER_USD;
}

/** Update keys kept in the `details` jsonb column (free text and enums no query reads). */
const DETAIL_KEYS = [
  "labelingOverview",
  "datasetDescription",
  "aiInterviewRequirements",
  "workloadDesc",
  "timeRequirement",
  "projectDuration",
  "freelancerType",
  "projectScope",
] as const satisfies readonly JobFieldKey[];

const UPDATE_KEY_SET = new Set<string>(JOB_UPDATE_KEYS);
export const isUpdateKey = (key: string): key is JobFieldKey => UPDATE_KEY_SET.has(key);

/** The update-key view of a job row: only keys that hold a value. */
export function fieldsOf(row: JobRow): JobFields {
  const f: Record<string, unknown> = {
    jobTitle: row.title,
    jobDescription: row.description,
    dataType: row.dataType,
    subjectMatter: row.subjectMatter,
    dataVolume: row.dataVolume,
    dataVolumeUnit: row.dataVolumeUnit,
    labelingSoftware: row.labelingSoftware,
    headcount: row.headcount,
    experienceLevel: row.experienceLevel,
    paymentType: row.paymentType,
    pricePerHour: fromMicros(row.pricePerHourMicros),
    pricePerLabel: fromMicros(row.pricePerLabelMicros),
    fixedPrice: fromMicros(row.fixedPriceMicros),
    budgetRange:
      row.budgetMinMicros !== null && row.budgetMaxMicros !== null
        ? { min: fromMicros(row.budgetMinMicros), max: fromMicros(row.budgetMaxMicros) }
        : null,
    countries: row.countries.length > 0 ? row.countries : null,
    languages: row.languages.length > 0 ? row.languages : null,
    labelTypes: row.labelTypes.length > 0 ? row.labelTypes : null,
    visibility: row.visibility === "PUBLIC" ? null : row.visibility,
  };
  for (const key of DETAIL_KEYS) f[key] = row.details[key] ?? null;
  return compact(f) as JobFields;
}

/** Drops null/undefined values, in catalog order. */
export function compact(fields: Record<string, unknown>): JobFields {
  const out: Record<string, unknown> = {};
  for (const key of JOB_UPDATE_KEYS) {
    const v = fields[key];
    if (v !== null && v !== undefined) out[key] = v;
  }
  return out as JobFields;
}

/** Applies a patch: a value replaces the field, null clears it. */
export function applyPatch(current: JobFields, patch: Record<string, unknown>): JobFields {
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (!isUpdateKey(key)) continue;
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return compact(next);
}

/** Column values for a complete set of fields (unset fields become null / empty). */
export function columnsOf(fields: JobFields, hints: { category?: string | null; skills?: string[] } = {}): JobColumns {
  const details: Record<string, unknown> = {};
  for (const key of DETAIL_KEYS) if (fields[key] !== undefined) details[key] = fields[key];
  return {
    title: fields.jobTitle ?? null,
    description: fields.jobDescription ?? null,
    dataType: fields.dataType ?? null,
    subjectMatter: fields.subjectMatter ?? null,
    dataVolume: fields.dataVolume ?? null,
    dataVolumeUnit: fields.dataVolumeUnit ?? null,
    labelingSoftware: fields.labelingSoftware ?? null,
    headcount: fields.headcount ?? null,
    experienceLevel: fields.experienceLevel ?? null,
    paymentType: fields.paymentType ?? null,
    pricePerHourMicros: fields.pricePerHour !== undefined ? toMicros(fields.pricePerHour) : null,
    pricePerLabelMicros: fields.pricePerLabel !== undefined ? toMicros(fields.pricePerLabel) : null,
    fixedPriceMicros: fields.fixedPrice !== undefined ? toMicros(fields.fixedPrice) : null,
    budgetMinMicros: fields.budgetRange ? toMicros(fields.budgetRange.min) : null,
    budgetMaxMicros: fields.budgetRange ? toMicros(fields.budgetRange.max) : null,
    countries: fields.countries ?? [],
    languages: fields.languages ?? [],
    labelTypes: fields.labelTypes ?? [],
    visibility: fields.visibility ?? "PUBLIC",
    details,
    category: deriveCategory(fields, hints.category ?? null),
    skills: deriveSkills(fields, hints.skills ?? []),
  };
}

const GENAI =
  /\b(rlhf|fine-?tun\w*|sft|red[- ]?team\w*|prompt\w*|response (evaluation|rating|ranking)|preference|llm|chatbot)\b/i;
const BY_DATA_TYPE: Record<string, JobCategory> = {
  Image: "Image Annotation",
  Video: "Video Annotation",
  Text: "Text Annotation",
  Audio: "Audio Annotation",
  Code: "Code & Software",
  "3D Sensor": "3D & LiDAR Annotation",
  Medical: "Medical Data Annotation",
  Geospatial: "Geospatial Annotation",
  Document: "Document Processing",
};

/**
 * The display category (not an update key): generative-AI label types win, then the data
 * type, then the parser's hint, then label types that imply a medium, else "Data Annotation".
 */
export function deriveCategory(f: JobFields, hint: string | null): JobCategory {
  const labels = (f.labelTypes ?? []).join(" | ");
  if (GENAI.test(labels)) return "Generative AI & RLHF";
  if (f.dataType && BY_DATA_TYPE[f.dataType]) return BY_DATA_TYPE[f.dataType]!;
  const hinted = hint ? JOB_CATEGORIES.find((c) => c.toLowerCase() === hint.trim().toLowerCase()) : undefined;
  if (hinted) return hinted;
  if (/transcri|speech|audio/i.test(labels)) return "Audio Annotation";
  if (/bounding|polygon|segment|keypoint|cuboid/i.test(labels)) return "Image Annotation";
  if (/entity|sentiment|classif|translat/i.test(labels)) return "Text Annotation";
  return "Data Annotation";
}

/** Skills shown on the listing: label types first, then the parser's skills; at most 15. */
export function deriveSkills(f: JobFields, hinted: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const s of [...(f.labelTypes ?? []), ...hinted]) {
    const t = s.trim();
    if (!t || seen.has(t.toLowerCase())) continue;
    seen.add(t.toLowerCase());
    out.push(t);
    if (out.length === 15) break;
  }
  return out;
}

/** Keys whose type the catalog states; used by importers to validate parser output. */
export function validateField(
  key: JobFieldKey,
  value: unknown,
): { ok: true; value: unknown } | { ok: false; reason: string } {
  const parsed = JOB_FIELDS[key].schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, reason: parsed.error.issues[0]?.message ?? "invalid value" };
}

/** Canonical spellings before a save: language names, de-duplicated lists. */
export function normalizeFields(f: JobFields): JobFields {
  const out: JobFields = { ...f };
  if (out.languages) out.languages = canonicalLanguages(out.languages);
  if (out.countries) out.countries = [...new Set(out.countries)];
  if (out.labelTypes) out.labelTypes = [...new Set(out.labelTypes)];
  for (const key of ["languages", "countries", "labelTypes"] as const) {
    if (out[key]?.length === 0) delete out[key];
  }
  return out;
}
