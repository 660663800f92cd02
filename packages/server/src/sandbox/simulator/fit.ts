import type { LanguageProficiency, TrainerExperienceLevel, TrainerRow } from "../../db/schema.js";
import type { JobRow } from "../../services/jobs/fields.js";
import { labelKey, overlap } from "./text.js";
import { isLanguageWork, labelsPerHour } from "./work-kind.js";

/** How well a trainer fits a job: 0–1 overall, the parts it is made of, and whether they would apply at all. */
export interface Fit {
  score: number;
  eligible: boolean;
  /** Why not eligible (first hard requirement failed). */
  reason: string | null;
  parts: { skills: number; languages: number; pay: number; experience: number; availability: number };
  /** Job rate ÷ the trainer's own rate expectation (null when not comparable, e.g. fixed price). */
  payRatio: number | null;
  matchedLabelTypes: string[];
  dataTypeMatch: boolean;
  toolMatch: boolean | null;
  subjectMatch: boolean;
  /** The trainer's level in the job's languages (null when the job names none). */
  languageLevels: { language: string; proficiency: LanguageProficiency | null }[];
}

/** Skill credit for language work (transcription, translation, recordings) from the level in the job's language. */
const LANGUAGE_WORK_SKILL: Record<LanguageProficiency, number> = {
  NATIVE: 0.6,
  FLUENT: 0.5,
  CONVERSATIONAL: 0,
  BASIC: 0,
};

const PROFICIENCY_WEIGHT: Record<LanguageProficiency, number> = {
  NATIVE: 1,
  FLUENT: 0.9,
  CONVERSATIONAL: 0.55,
  BASIC: 0.2,
};

/** [job level][trainer level]: how suitable the trainer's experience is. */
const EXPERIENCE_FIT: Record<string, Record<TrainerExperienceLevel, number>> = {
  ENTRY_LEVEL: { ENTRY_LEVEL: 1, INTERMEDIATE: 0.9, EXPERT: 0.65 },
  INTERMEDIATE: { ENTRY_LEVEL: 0.45, INTERMEDIATE: 1, EXPERT: 0.9 },
  EXPERT: { ENTRY_LEVEL: 0.1, INTERMEDIATE: 0.55, EXPERT: 1 },
};

const AVAILABILITY_FIT = { FULL_TIME: 1, PART_TIME: 0.85, AS_NEEDED: 0.6 } as const;

/** Weights of the parts; they sum to 1. */
export const FIT_WEIGHTS = { skills: 0.4, languages: 0.15, pay: 0.2, experience: 0.15, availability: 0.1 } as const;

/** Trainers below this fit never apply. */
export const MIN_APPLY_FIT = 0.5;

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The trainer's rate expectation in the job's unit, in micro-dollars (null when not comparable).
 * Per label it is their hourly rate spread over the labels an hour of this kind of work yields:
 * a label is a sentiment tag on one job and a transcribed clip on another, so the trainer's own
 * per-label rate (for the labels of their main specialty) only stands in when the kind of work
 * is unknown.
 */
export function rateExpectationMicros(job: JobRow, t: TrainerRow): number | null {
  if (job.paymentType === "PAY_PER_HOUR") return t.hourlyRateCents === null ? null : t.hourlyRateCents * 10_000;
  if (job.paymentType === "PAY_PER_LABEL") {
    const perHour = labelsPerHour(job);
    if (perHour === null || t.hourlyRateCents === null) return t.perLabelRateMicros;
    return Math.round((t.hourlyRateCents * 10_000) / perHour);
  }
  return null;
}

/** The job's rate in its unit, in micro-dollars. */
export function jobRateMicros(job: JobRow): number | null {
  if (job.paymentType === "PAY_PER_HOUR") return job.pricePerHourMicros;
  if (job.paymentType === "PAY_PER_LABEL") return job.pricePerLabelMicros;
  if (job.paymentType === "FIXED_PRICE") return job.fixedPriceMicros;
  return null;
}

/**
 * Scores a trainer against a job. Hard requirements (not eligible): a country the job excludes,
 * too little of the job's languages, pay under 60% of the trainer's expectation, no related
 * skill at all, an agencies-only job. The score weighs skills (label types, data type, tool,
 * subject; in language work at least the level in the job's language), languages, pay,
 * experience level and availability.
 */
export function scoreFit(job: JobRow, t: TrainerRow): Fit {
  // Skills: label types, the kind of data, the tool and the subject.
  const jobLabels = job.labelTypes;
  const matchedLabelTypes = overlap(jobLabels, t.labelTypes);
  const labelPart = jobLabels.length === 0 ? 0.5 : matchedLabelTypes.length / jobLabels.length;
  const dataTypeMatch = job.dataType !== null && t.dataTypes.includes(job.dataType);
  const dataPart = job.dataType === null ? 0.5 : dataTypeMatch ? 1 : 0;
  const toolMatch = job.labelingSoftware
    ? t.software.some((s) => labelKey(s) === labelKey(job.labelingSoftware!))
    : null;
  const toolPart = toolMatch === null ? 0.6 : toolMatch ? 1 : 0.3;
  const subjectWords = (job.subjectMatter ?? "")
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length >= 4);
  const subjectMatch =
    subjectWords.length > 0 &&
    [...t.subjectMatter, ...t.skills].some((s) => subjectWords.some((w) => s.toLowerCase().includes(w)));
  const subjectPart = subjectWords.length === 0 ? 0.5 : subjectMatch ? 1 : 0.2;
  const taskSkills = 0.45 * labelPart + 0.35 * dataPart + 0.1 * toolPart + 0.1 * subjectPart;

  // Languages: the trainer's level in each language the job names.
  const languageLevels = job.languages.map((language) => ({
    language,
    proficiency: t.languages.find((l) => l.language.toLowerCase() === language.toLowerCase())?.proficiency ?? null,
  }));
  // In language work a native or fluent speaker is qualified without the exact task experience
  // (otherwise a German transcription job finds only the few German speakers who transcribe).
  const languageSkill =
    isLanguageWork(job) && languageLevels.length > 0
      ? Math.min(...languageLevels.map((l) => (l.proficiency ? LANGUAGE_WORK_SKILL[l.proficiency] : 0)))
      : 0;
  const skills = Math.max(taskSkills, languageSkill);
  const languages =
    languageLevels.length === 0
      ? 1
      : languageLevels.reduce((s, l) => s + (l.proficiency ? PROFICIENCY_WEIGHT[l.proficiency] : 0), 0) /
        languageLevels.length;

  // Pay against the trainer's own expectation.
  const rate = jobRateMicros(job);
  const expectation = rateExpectationMicros(job, t);
  const payRatio = rate !== null && expectation !== null && expectation > 0 ? rate / expectation : null;
  const pay = payRatio === null ? 0.75 : payRatio >= 1 ? 1 : payRatio >= 0.6 ? (payRatio - 0.6) / 0.4 : 0;

  const experience = EXPERIENCE_FIT[job.experienceLevel ?? ""]?.[t.experienceLevel] ?? 1;
  const availability = t.availability ? AVAILABILITY_FIT[t.availability] : 0.7;

  const parts = {
    skills: round2(skills),
    languages: round2(languages),
    pay: round2(pay),
    experience,
    availability,
  };
  const score = round2(
    FIT_WEIGHTS.skills * skills +
      FIT_WEIGHTS.languages * languages +
      FIT_WEIGHTS.pay * pay +
      FIT_WEIGHTS.experience * experience +
      FIT_WEIGHTS.availability * availability,
  );

  let reason: string | null = null;
  if (job.countries.length > 0 && (!t.countryCode || !job.countries.includes(t.countryCode))) reason = "country";
  else if (languages < 0.5) reason = "languages";
  else if (payRatio !== null && payRatio < 0.6) reason = "pay";
  else if (skills < 0.25) reason = "skills";
  else if (job.details.freelancerType === "AGENCY" && t.talentType !== "AGENCY") reason = "agencies only";
  return {
    score,
    eligible: reason === null,
    reason,
    parts,
    payRatio: payRatio === null ? null : round2(payRatio),
    matchedLabelTypes,
    dataTypeMatch,
    toolMatch,
    subjectMatch,
    languageLevels,
  };
}
