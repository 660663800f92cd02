import type { TrainerRow } from "../../db/schema.js";
import type { JobRow } from "../../services/jobs/fields.js";
import { Prng } from "../seed/prng.js";
import { scoreFit } from "./fit.js";

/** Invited trainers answer within this time at the latest. */
export const MAX_INVITE_RESPONSE_MINUTES = 36 * 60;

/**
 * Whether an invited trainer accepts, and after how long (minutes after the invitation): likelier
 * the better the job fits them, unlikely when it pays under their expectation or needs a language
 * they do not have; the wait follows the persona's usual reply delay. Drawn from the job's
 * simulation seed and the trainer's id.
 */
export function decideInvite(job: JobRow, t: TrainerRow, seed: string): { accept: boolean; delayMinutes: number } {
  const fit = scoreFit(job, t);
  const prng = new Prng(`${seed}|invite|${t.id}`);
  // Being asked personally outweighs a country list: only pay, languages and skills put them off.
  const putOff = fit.reason === "pay" || fit.reason === "languages" || fit.reason === "skills";
  const p = putOff ? 0.1 : Math.min(0.95, Math.max(0.05, 0.25 + fit.score * 0.8));
  const accept = prng.next() < p;
  const delay = t.persona.replyDelayMinutes * (0.5 + prng.next() * 2.5);
  return { accept, delayMinutes: Math.round(Math.min(MAX_INVITE_RESPONSE_MINUTES, Math.max(5, delay)) * 60) / 60 };
}
