import type { JobRow } from "../../services/jobs/fields.js";
import { SEED_TEMPLATES, type SeedTemplate } from "../seed/templates.js";
import { overlap, sameLabel } from "./text.js";

const mid = (p: { min: number; max: number }) => (p.min + p.max) / 2;

/** Catalog job families that are paid both by the hour and by the label, with their labels per hour. */
const PER_LABEL_MARKETS = SEED_TEMPLATES.flatMap((t: SeedTemplate) => {
  const hourly = t.pay.find((p) => p.type === "PAY_PER_HOUR");
  const perLabel = t.pay.find((p) => p.type === "PAY_PER_LABEL");
  if (!hourly || !perLabel) return [];
  return [
    { dataType: t.dataType, labelTypes: [...new Set(t.labelTypes.flat())], perHour: mid(hourly) / mid(perLabel) },
  ];
});

/**
 * Labels a trainer completes in an hour of this job's kind of work: the market's hourly rate
 * over its per-label rate, from the catalog family (data type and label types) the job is
 * closest to; null when it is close to none. A sentiment tag takes seconds, a transcribed clip
 * or a 3D cuboid much longer, so this turns an hourly expectation into a per-label one for any
 * kind of label.
 */
export function labelsPerHour(job: JobRow): number | null {
  const key = `${job.dataType ?? ""}\n${job.labelTypes.join("\n")}`;
  if (perHourCache.has(key)) return perHourCache.get(key)!;
  // Bounded: label types are free text, and a plan asks once per candidate for the same job.
  if (perHourCache.size >= 500) perHourCache.clear();
  const value = closestPerHour(job);
  perHourCache.set(key, value);
  return value;
}

const perHourCache = new Map<string, number | null>();

function closestPerHour(job: JobRow): number | null {
  let best: number | null = null;
  let bestScore = 0;
  for (const m of PER_LABEL_MARKETS) {
    const labels =
      job.labelTypes.length === 0 ? 0 : overlap(job.labelTypes, m.labelTypes).length / job.labelTypes.length;
    const score = 2 * labels + (job.dataType === m.dataType ? 1 : 0);
    if (score > bestScore) {
      best = m.perHour;
      bestScore = score;
    }
  }
  return best;
}

/** Label types of work done in a language rather than with a tool: speaking it well is the skill. */
const LANGUAGE_LABELS = ["Transcription", "Translation"];

/**
 * Work in a language: transcription, translation and voice recordings (audio data collection).
 * For these a native or fluent speaker of the job's language is qualified without having done
 * the exact task before.
 */
export function isLanguageWork(job: JobRow): boolean {
  if (job.labelTypes.some((l) => LANGUAGE_LABELS.some((w) => sameLabel(l, w)))) return true;
  return job.dataType === "Audio" && job.labelTypes.some((l) => sameLabel(l, "Data Collection"));
}
