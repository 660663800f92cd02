import type { BidUnit, TrainerRow } from "../../db/schema.js";
import type { JobRow } from "../../services/jobs/fields.js";
import { FALLBACK_NAME, maskName } from "../../services/privacy/mask-name.js";
import type { ProposalContent } from "../../services/proposals/proposal-content.js";
import { verificationSnapshot } from "../../services/trainers/verification-snapshot.js";
import { Prng } from "../seed/prng.js";
import { jobRateMicros, rateExpectationMicros, scoreFit, type Fit } from "./fit.js";
import { generateInterview, labelingYears, relevantProject } from "./interview.js";
import { listText, lower, usd } from "./text.js";

const UNIT_OF: Record<string, BidUnit> = {
  PAY_PER_HOUR: "PER_HOUR",
  PAY_PER_LABEL: "PER_LABEL",
  FIXED_PRICE: "FIXED_PRICE",
};
/** Bids are rounded as people quote them: hourly to 50 cents, per label to a tenth of a cent, fixed to $5. */
const ROUNDING_MICROS: Record<BidUnit, number> = { PER_HOUR: 500_000, PER_LABEL: 1_000, FIXED_PRICE: 5_000_000 };
const UNIT_TEXT: Record<BidUnit, string> = {
  PER_HOUR: "an hour",
  PER_LABEL: "a label",
  FIXED_PRICE: "for the project",
};

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));
const MINUTE = 60_000;

/** The unit a job is bid in (its payment type). */
export function bidUnitOf(job: JobRow): BidUnit {
  return UNIT_OF[job.paymentType ?? ""] ?? "PER_HOUR";
}

/**
 * The bid: the job's rate pulled a quarter of the way toward the trainer's own expectation, then
 * shaded by the persona (at, below or above the rate), rounded the way people quote.
 */
export function simulatedBidMicros(job: JobRow, t: TrainerRow, prng: Prng): number {
  const unit = bidUnitOf(job);
  const rate = jobRateMicros(job);
  const expectation = rateExpectationMicros(job, t);
  const base =
    rate === null ? (expectation ?? 15_000_000) : expectation === null ? rate : 0.75 * rate + 0.25 * expectation;
  const style = t.persona.bidStyle;
  const factor =
    style === "below_rate"
      ? 0.85 + prng.next() * 0.1
      : style === "above_rate"
        ? 1.05 + prng.next() * 0.15
        : 0.97 + prng.next() * 0.06;
  const step = ROUNDING_MICROS[unit];
  return Math.max(step, Math.round((base * factor) / step) * step);
}

/** A cover note that answers the job: its title, the matching experience, tool, language, availability and the bid. */
function coverNote(
  job: JobRow,
  t: TrainerRow,
  fit: Fit,
  prng: Prng,
  r: { firstName: string | null; bidMicros: number; unit: BidUnit; now: Date },
): string {
  const title = job.title ?? "your project";
  const tone = t.persona.tone;
  const years = labelingYears(t, r.now);
  const project = relevantProject(job, t);
  const greeting = {
    formal: "Dear hiring team,",
    friendly: "Hi there!",
    concise: "Hello,",
    enthusiastic: `Hi! I was excited to see your "${title}" posting.`,
  }[tone];
  const lines: string[] = [];
  if (tone !== "enthusiastic") lines.push(`I would like to apply for "${title}".`);
  lines.push(
    fit.matchedLabelTypes.length > 0
      ? `I have ${years > 0 ? `${years} year${years === 1 ? "" : "s"} of` : "recent"} experience with ${listText(fit.matchedLabelTypes.map(lower))}${job.dataType ? ` on ${lower(job.dataType)} data` : ""}.`
      : `My background is ${listText(t.labelTypes.slice(0, 2).map(lower))}, which carries over well to this project.`,
  );
  if (project) lines.push(`Recent work: ${lower(project.title)}.`);
  if (job.labelingSoftware) {
    lines.push(
      fit.toolMatch
        ? `I use ${job.labelingSoftware} regularly.`
        : `I have not used ${job.labelingSoftware} yet, but I am comfortable with ${listText(t.software.slice(0, 2))}.`,
    );
  }
  const strongLanguage = fit.languageLevels.find((l) => l.proficiency === "NATIVE" || l.proficiency === "FLUENT");
  if (strongLanguage)
    lines.push(
      `I am ${strongLanguage.proficiency === "NATIVE" ? "a native" : "a fluent"} ${strongLanguage.language} speaker.`,
    );
  lines.push(`I can give the project about ${t.hoursPerWeek ?? 20} hours a week.`);
  lines.push(`My rate for this work is ${usd(r.bidMicros / 1_000_000)} ${UNIT_TEXT[r.unit]}.`);
  const keep = { short: 2, medium: 4, long: lines.length }[t.persona.verbosity];
  // The rate line always stays: an employer compares bids.
  const body = [...lines.slice(0, keep), ...(keep < lines.length ? [lines.at(-1)!] : [])];
  // As real people do, a few sign with their full name or add a way to reach them off the platform.
  const signName = r.firstName === null ? null : prng.chance(0.08) ? `${r.firstName} ${t.lastName}` : r.firstName;
  const contact = prng.chance(0.08)
    ? t.email && prng.chance(0.5)
      ? `P.S. For a quick chat, email me at ${t.email}.`
      : `P.S. My WhatsApp is ${t.phone ?? ""}.`
    : null;
  const closing = {
    formal: "Kind regards,",
    friendly: "Thanks,",
    concise: "Best,",
    enthusiastic: "Looking forward to it!",
  }[tone];
  return [greeting, body.join(" "), contact, signName ? `${closing}\n${signName}` : closing]
    .filter(Boolean)
    .join("\n\n");
}

/**
 * Everything a simulated trainer submits with a proposal, drawn from the job's simulation seed
 * and the trainer's id (so the same seed and job give the same proposal): the bid, the cover
 * note, the AI interview that preceded the submission (5–8 questions, 0–100 score, summary),
 * the resume match score (0–1, the fit), the verification snapshot and the labeling assessment.
 * `submittedAt` is when the proposal is sent; the assessment and the interview come before it,
 * after `earliest` (when the trainer could first see the job: published, or invited).
 */
export function generateApplication(
  job: JobRow,
  t: TrainerRow,
  seed: string,
  submittedAt: Date,
  opts: { bidMicros?: number; earliest?: Date | null } = {},
): ProposalContent {
  const fit = scoreFit(job, t);
  const prng = new Prng(`${seed}|content|${t.id}`);
  const unit = bidUnitOf(job);
  const simulated = simulatedBidMicros(job, t, prng);
  const bidMicros = opts.bidMicros ?? simulated;
  const masked = maskName(t.firstName, t.lastName).firstName;
  const firstName = masked === FALLBACK_NAME ? null : masked;
  const draft = generateInterview(job, t, fit, prng, { now: submittedAt, firstName });
  const gapMs = prng.int(2, 15) * MINUTE;
  const audioOnly = prng.chance(0.03);
  const assessmentLeadMs = prng.int(10, 120) * MINUTE;
  // The interview (and the assessment before it) happen after the trainer could first see the
  // job: when time is short, they went faster.
  const available = opts.earliest ? submittedAt.getTime() - opts.earliest.getTime() : Infinity;
  const needed = gapMs + draft.durationSeconds * 1000 + assessmentLeadMs;
  const scale = needed * 1.1 > available ? Math.max(0.01, available / (needed * 1.1)) : 1;
  const completedAt = new Date(submittedAt.getTime() - Math.round(gapMs * scale));
  const startedAt = new Date(completedAt.getTime() - Math.round(draft.durationSeconds * 1000 * scale));
  const transcript = audioOnly
    ? // An audio-only interview: the engine kept no text, only its markers.
      [{ role: "interviewer" as const, content: "[[voice_interview:audio_only]]", sentAt: startedAt.toISOString() }]
    : draft.turns.map((turn) => ({
        role: turn.role,
        content: turn.content,
        sentAt: new Date(startedAt.getTime() + Math.round(turn.afterSeconds * 1000 * scale)).toISOString(),
      }));
  const assessment =
    t.assessmentScore === null
      ? null
      : {
          score: Math.round(clamp(t.assessmentScore + (fit.parts.skills - 0.5) * 20 + (prng.next() * 10 - 5), 0, 100)),
          labelType: job.labelTypes[0] ?? t.labelTypes[0] ?? null,
          completedAt: new Date(startedAt.getTime() - Math.round(assessmentLeadMs * scale)),
        };
  return {
    bid: {
      amountMicros: bidMicros,
      unit,
      labelerHourlyRateMicros: t.hourlyRateCents === null ? null : t.hourlyRateCents * 10_000,
    },
    coverNote: coverNote(job, t, fit, prng, { firstName, bidMicros, unit, now: submittedAt }),
    matchScore: Math.round(clamp(fit.score + (prng.next() * 0.1 - 0.05), 0, 1) * 100) / 100,
    verification: verificationSnapshot(t),
    assessment,
    interview: { transcript, score: draft.score, summary: draft.summary, startedAt, completedAt },
  };
}
