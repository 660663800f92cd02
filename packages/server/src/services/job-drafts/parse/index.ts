/**
 * Deterministic job-description parser (spec 20 §2.2, §4, §7): turns a plain-text job post into draft
 * fields keyed by update key, plus derived values, per-key confidence and human-readable warnings.
 *
 * Pure and synchronous: no I/O, no clock (pass `now` to resolve dates written without a year), no
 * randomness. Each concern lives in its own module (title, pay, languages, countries, experience, volume,
 * headcount, taxonomy = label types/data type/category, tools, duration, skills) with its vocabulary in
 * `vocab/`. The rules each module applies are documented at the top of its file.
 */
import { extractCountries } from "./countries.js";
import { extractDuration } from "./duration.js";
import { extractExperience } from "./experience.js";
import { extractHeadcount } from "./headcount.js";
import { extractLanguages } from "./languages.js";
import { extractPay } from "./pay.js";
import { extractSkills } from "./skills.js";
import { extractTaxonomy } from "./taxonomy.js";
import { buildView } from "./text.js";
import { extractTitle, generateTitle } from "./title.js";
import { extractTools } from "./tools.js";
import { extractVolume } from "./volume.js";

export type { ExperienceLevel } from "./experience.js";
export type { PaymentType, RateKey } from "./pay.js";
export type { DataVolumeUnit } from "./volume.js";

export interface ParsedJobDescription {
  /** Values keyed by update key (spec 20 §4): jobTitle, jobDescription, dataType, labelTypes, labelingSoftware,
   *  languages (display names, e.g. "Spanish"), countries (ISO 3166-1 alpha-2 codes), experienceLevel (enum),
   *  paymentType (enum), pricePerHour | pricePerLabel | fixedPrice (numbers in USD), headcount (int),
   *  dataVolume (number), dataVolumeUnit (enum), projectDuration (string like "6 weeks"), subjectMatter, workloadDesc, timeRequirement */
  fields: Record<string, unknown>;
  /** Derived, not update keys: category display string (e.g. "Audio Annotation", "Image Annotation", "Text Annotation",
   *  "Video Annotation", "Generative AI & RLHF", "Data Collection", "Transcription"...), skills (string[]), currency
   *  (ISO code found in the text, e.g. "USD", "EUR"), payRange {min,max} when a range was given, deadline (ISO date when an explicit date appears). */
  derived: {
    category: string | null;
    skills: string[];
    currency: string | null;
    payRange: { min: number; max: number } | null;
    deadline: string | null;
  };
  /** 0..1 per extracted key; below 0.6 is "low confidence". */
  confidence: Record<string, number>;
  /** Human-readable notes, e.g. "Rate given in EUR; stored as-is, payments are in USD", "Range $15-20/hr: pricePerHour set to the lower bound 15". */
  warnings: string[];
}

export interface ParseOptions {
  /** A title supplied by the caller; wins over anything found in the text. */
  title?: string;
  /** Reference date for dates written without a year ("due by April 15"). Without it they are ignored. */
  now?: Date;
}

/** Confidence below this is reported as low confidence. */
export const LOW_CONFIDENCE = 0.6;

/** Longest description accepted by the drafting endpoint (spec 20 §2.2). */
export const MAX_DESCRIPTION_LENGTH = 60_000;

export function parseJobDescription(text: string, opts: ParseOptions = {}): ParsedJobDescription {
  const view = buildView(typeof text === "string" ? text.slice(0, MAX_DESCRIPTION_LENGTH) : "");
  const fields: Record<string, unknown> = {};
  const confidence: Record<string, number> = {};
  const warnings: string[] = [];
  const set = (key: string, value: unknown, conf: number) => {
    fields[key] = value;
    confidence[key] = Math.round(Math.min(1, Math.max(0, conf)) * 100) / 100;
  };

  const description = view.original.trim();
  const tools = extractTools(view);
  const languages = extractLanguages(view);
  const countries = extractCountries(view, languages.spans);
  const pay = extractPay(view);
  const experience = extractExperience(view);
  const headcount = extractHeadcount(view);
  const volume = extractVolume(view);
  const taxonomy = extractTaxonomy(view, tools.spans, volume.noun);
  const duration = extractDuration(view, opts.now);

  // title
  const given = opts.title?.trim();
  if (given) set("jobTitle", given, 1);
  else {
    const found = description ? extractTitle(view) : null;
    if (found) set("jobTitle", found.value, found.confidence);
    else if (description) {
      const generated = generateTitle({
        language: languages.languages.length === 1 ? (languages.languages[0] as string) : null,
        dataType: taxonomy.dataType,
        labelTitleWord: taxonomy.mainLabel?.titleWord ?? null,
        category: taxonomy.category,
      });
      set("jobTitle", generated, 0.5);
      warnings.push(`No title in the text; generated "${generated}"`);
    }
  }
  if (description) set("jobDescription", description, 1);

  if (pay.paymentType) set("paymentType", pay.paymentType, pay.confidence.paymentType ?? 0.5);
  if (pay.rateKey && pay.rate !== null) set(pay.rateKey, pay.rate, pay.confidence.rate ?? 0.5);
  if (experience.level) set("experienceLevel", experience.level, experience.confidence);
  if (languages.languages.length > 0) set("languages", languages.languages, languages.confidence);
  if (countries.countries.length > 0) set("countries", countries.countries, countries.confidence);
  if (headcount.headcount !== null) set("headcount", headcount.headcount, headcount.confidence);
  if (volume.volume !== null && volume.unit) {
    set("dataVolume", volume.volume, volume.confidence);
    set("dataVolumeUnit", volume.unit, volume.confidence);
  }
  if (taxonomy.dataType) set("dataType", taxonomy.dataType, taxonomy.confidence.dataType);
  if (taxonomy.labelTypes.length > 0) set("labelTypes", taxonomy.labelTypes, taxonomy.confidence.labelTypes);
  if (tools.tool) set("labelingSoftware", tools.tool, tools.confidence);
  if (taxonomy.subjectMatter) set("subjectMatter", taxonomy.subjectMatter, taxonomy.confidence.subjectMatter);
  if (duration.projectDuration) set("projectDuration", duration.projectDuration, duration.confidence.projectDuration);
  if (duration.timeRequirement) set("timeRequirement", duration.timeRequirement, duration.confidence.timeRequirement);

  warnings.push(
    ...pay.warnings,
    ...experience.warnings,
    ...languages.warnings,
    ...countries.warnings,
    ...headcount.warnings,
    ...volume.warnings,
    ...tools.warnings,
    ...duration.warnings,
  );
  if (!description) warnings.push("Empty description: nothing to parse");

  return {
    fields,
    derived: {
      category: taxonomy.category,
      skills: description ? extractSkills(view, taxonomy.labelTypes, tools.all) : [],
      currency: pay.currency,
      payRange: pay.payRange,
      deadline: duration.deadline,
    },
    confidence,
    warnings,
  };
}
