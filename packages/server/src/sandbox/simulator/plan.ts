import type { TrainerRow } from "../../db/schema.js";
import type { JobRow } from "../../services/jobs/fields.js";
import { Prng } from "../seed/prng.js";
import { MIN_APPLY_FIT, scoreFit } from "./fit.js";

export interface PlannedApplication {
  trainerId: string;
  /** Fit score, 0–1. */
  fit: number;
  /** Minutes after publishing when the trainer applies. */
  delayMinutes: number;
}

/** Applications stop arriving after three days. */
export const APPLICATION_WINDOW_MINUTES = 72 * 60;
const DAY_MINUTES = 24 * 60;

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/** How many trainers apply at most: four per position, between 6 and 24. */
export function maxApplicants(job: JobRow): number {
  return clamp((job.headcount ?? 3) * 4, 6, 24);
}

/**
 * Who applies to a published job, and when. Every draw comes from the job's simulation seed
 * and the trainer's id, so the plan is the same for the same seed and job, whatever the order
 * trainers are read in. A trainer who fits (score ≥ 0.5 and every hard requirement) applies with
 * a probability of their persona's propensity × (0.35 + fit); the best-ranked applicants are
 * kept (fit plus a little luck); when nobody is drawn, the best fit applies all the same. The
 * best applies 20–90 minutes after publishing; most others follow within the first day
 * (exponential waits, longer for weaker fits and slower personas), about one in five on the
 * second or third day, none after three.
 */
export function planApplications(job: JobRow, candidates: readonly TrainerRow[], seed: string): PlannedApplication[] {
  if (job.visibility !== "PUBLIC") return [];
  const ranked: { trainer: TrainerRow; fit: number; rank: number }[] = [];
  let best: { trainer: TrainerRow; fit: number } | null = null;
  for (const trainer of [...candidates].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const fit = scoreFit(job, trainer);
    if (!fit.eligible || fit.score < MIN_APPLY_FIT) continue;
    if (best === null || fit.score > best.fit) best = { trainer, fit: fit.score };
    const prng = new Prng(`${seed}|apply|${trainer.id}`);
    const p = clamp(trainer.persona.applyPropensity * (0.35 + fit.score), 0, 0.95);
    if (prng.next() >= p) continue;
    ranked.push({ trainer, fit: fit.score, rank: fit.score + prng.next() * 0.15 });
  }
  // A job that someone fits is never left without an applicant: when every draw came out
  // against it (likely with only two or three who fit), the best fit applies anyway.
  if (ranked.length === 0 && best !== null) ranked.push({ ...best, rank: best.fit });
  ranked.sort((a, b) => b.rank - a.rank || (a.trainer.id < b.trainer.id ? -1 : 1));
  return ranked.slice(0, maxApplicants(job)).map(({ trainer, fit }, i) => {
    const prng = new Prng(`${seed}|when|${trainer.id}`);
    let delay: number;
    if (i === 0) {
      delay = 20 + prng.next() * 70;
    } else if (prng.chance(0.2)) {
      // Some only come across the job on the second or third day.
      delay = DAY_MINUTES + prng.next() * 2 * DAY_MINUTES;
    } else {
      // Slower personas (long reply delays) and weaker fits take longer to get round to it.
      const speed = clamp(0.6 + trainer.persona.replyDelayMinutes / 300, 0.6, 1.6);
      const mean = 360 * (1.6 - fit) * speed;
      delay = 25 + -Math.log(1 - prng.next()) * mean;
    }
    return {
      trainerId: trainer.id,
      fit,
      delayMinutes: Math.round(clamp(delay, 20, APPLICATION_WINDOW_MINUTES) * 60) / 60,
    };
  });
}
