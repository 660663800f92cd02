import type { ProposalRow, TrainerPersona, TrainerRow } from "../../db/schema.js";
import type { JobRow } from "../../services/jobs/fields.js";
import { FALLBACK_NAME, maskName } from "../../services/privacy/mask-name.js";
import { sanitizeText } from "../../services/privacy/sanitize-text.js";
import { countryName } from "../../services/trainers/masked-identity.js";
import { Prng } from "../seed/prng.js";
import { detectIntents, type ReplyIntent } from "./intents.js";

/** What a simulated trainer knows when answering: their profile, the job and their proposal. */
export interface ReplyContext {
  trainer: TrainerRow;
  job: JobRow | null;
  proposal: ProposalRow | null;
}

export interface ComposedReply {
  content: string;
  intents: ReplyIntent[];
}

/** How many questions a persona answers in one reply, and how many sentences each answer keeps. */
const SHAPE: Record<TrainerPersona["verbosity"], { intents: number; sentences: number }> = {
  short: { intents: 2, sentences: 1 },
  medium: { intents: 3, sentences: 2 },
  long: { intents: 4, sentences: 3 },
};

const GREETINGS: Record<TrainerPersona["tone"], readonly string[]> = {
  formal: ["Hello,", "Good day,", "Thank you for your message."],
  friendly: ["Hi!", "Hi, thanks for getting in touch!", "Hey, thanks for the message!"],
  concise: [""],
  enthusiastic: [
    "Hi there, thanks so much for reaching out!",
    "Hello! Great to hear from you!",
    "Hi! Thanks for the message!",
  ],
};

const CLOSINGS: Record<TrainerPersona["tone"], readonly string[]> = {
  formal: ["Kind regards", "Best regards", "Sincerely"],
  friendly: ["Cheers", "Thanks", "Talk soon"],
  concise: [""],
  enthusiastic: ["Looking forward to working with you", "Can't wait to get started", "Excited to help"],
};

/** Profile text goes through the sanitizer first, so a reply never repeats a contact detail. */
const clean = (text: string, trainer: TrainerRow) =>
  sanitizeText(text, { lastNames: [trainer.lastName] })
    .replace(/\s+/g, " ")
    .trim();

/** The first name the trainer signs with, as masked (no name when the profile has no usable one). */
function signatureName(trainer: TrainerRow): string {
  const { firstName } = maskName(trainer.firstName, trainer.lastName);
  return firstName === FALLBACK_NAME ? "" : firstName;
}

/** A label or data type name inside a sentence: "Bounding Box" → "bounding box", acronyms kept ("NER"). */
const inSentence = (s: string) =>
  s
    .split(" ")
    .map((w) => (/^[A-Z0-9]{2,}s?$/.test(w) ? w : w.toLowerCase()))
    .join(" ");

function listText(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** USD as people write it: $15, $15.50, $0.045. */
function usd(amount: number): string {
  if (Number.isInteger(amount)) return `$${amount}`;
  if (amount >= 1) return `$${amount.toFixed(2)}`;
  return `$${amount.toFixed(3).replace(/0+$/, "")}`;
}

const key = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/s\b/g, "");
const sameThing = (a: string, b: string) => {
  const ka = key(a);
  const kb = key(b);
  return (
    ka.length > 0 && kb.length > 0 && (ka === kb || ` ${ka} `.includes(` ${kb} `) || ` ${kb} `.includes(` ${ka} `))
  );
};

function availability({ trainer }: ReplyContext, prng: Prng): string[] {
  const start = prng.pick(["tomorrow", "right away", "this week", "as soon as you hire me", "on Monday"]);
  if (trainer.status === "UNAVAILABLE") {
    return [
      "I'm wrapping up another project at the moment, so I could start in about two weeks.",
      "If that works for you, I can block out the time now.",
    ];
  }
  const hours = trainer.hoursPerWeek;
  const first =
    trainer.availability === "FULL_TIME"
      ? `I'm available full-time, about ${hours ?? 40} hours a week, and I can start ${start}.`
      : trainer.availability === "PART_TIME"
        ? `I can give this about ${hours ?? 20} hours a week and start ${start}.`
        : `I work as needed, usually around ${hours ?? 10} hours a week, and I could start ${start}.`;
  return [
    first,
    prng.pick([
      "If the deadline is tight I can add a few weekend hours.",
      "I keep a steady pace, so you can plan the batches around my hours.",
      "I'll confirm my weekly hours in advance so you can plan.",
    ]),
    "I can send a short progress note at the end of each day.",
  ];
}

function rate({ trainer, proposal, job }: ReplyContext, prng: Prng): string[] {
  const out: string[] = [];
  const bid = proposal?.bidAmountMicros ?? null;
  if (bid !== null && proposal?.bidUnit) {
    const amount = usd(bid / 1_000_000);
    out.push(
      proposal.bidUnit === "PER_HOUR"
        ? `My rate for this job is ${amount} per hour, as in my proposal.`
        : proposal.bidUnit === "PER_LABEL"
          ? `My rate for this job is ${amount} per label, as in my proposal.`
          : `My price for the whole job is ${amount}, as in my proposal.`,
    );
  } else if (trainer.hourlyRateCents !== null) {
    out.push(`My usual rate is ${usd(trainer.hourlyRateCents / 100)} per hour.`);
  } else {
    out.push("I'm flexible on the rate and happy to work within your budget.");
  }
  const style = trainer.persona.bidStyle;
  out.push(
    style === "below_rate"
      ? "For a larger volume I can be flexible on that."
      : style === "above_rate"
        ? "That includes my own quality check of every batch before I submit it."
        : prng.pick([
            "That's my standard rate for this kind of work.",
            "I think that's fair for the quality I deliver.",
          ]),
  );
  out.push(
    job?.paymentType === "PAY_PER_LABEL"
      ? "Paying per label through the platform's milestones works well for me."
      : "Milestones through the platform work well for me.",
  );
  return out;
}

function experience({ trainer, job }: ReplyContext, prng: Prng): string[] {
  const out: string[] = [];
  const level =
    trainer.experienceLevel === "EXPERT"
      ? "I'm an expert-level annotator"
      : trainer.experienceLevel === "INTERMEDIATE"
        ? "I have solid annotation experience"
        : "I'm fairly new to annotation, but careful and quick to learn";
  const wanted = job?.labelTypes ?? [];
  const done = wanted.filter((w) => trainer.labelTypes.some((h) => sameThing(w, h)));
  out.push(
    done.length > 0
      ? `${level}, and I've done ${listText(done.map(inSentence))} work before.`
      : wanted.length > 0
        ? `${level}; I haven't done ${listText(wanted.map(inSentence))} for a client yet, but the guidelines look clear to me.`
        : `${level}.`,
  );
  // The most relevant project: the job's label types first, then its data type, then the latest.
  const relevance = (p: TrainerRow["labelExperience"][number]) =>
    2 * wanted.filter((w) => p.labelTypes.some((l) => sameThing(w, l))).length +
    Number(job?.dataType ? sameThing(p.dataType ?? "", job.dataType) : false);
  const projects = [...trainer.labelExperience].sort(
    (a, b) => relevance(b) - relevance(a) || (b.fromYear ?? 0) - (a.fromYear ?? 0),
  );
  const p = projects[0];
  if (p) {
    const span = p.ongoing || p.toYear === null ? `since ${p.fromYear}` : `from ${p.fromYear} to ${p.toYear}`;
    const labels = p.labelTypes.length > 0 ? `, doing ${listText(p.labelTypes.map(inSentence))}` : "";
    out.push(`Most relevant is "${clean(p.title, trainer)}" (${span})${labels}.`);
  }
  if (trainer.billedHours > 0) {
    out.push(
      trainer.jobSuccessScore !== null
        ? `I have ${trainer.billedHours} billed hours on OpenTrain with a ${trainer.jobSuccessScore}% job success score.`
        : `I have ${trainer.billedHours} billed hours on OpenTrain so far.`,
    );
  } else {
    out.push(
      prng.pick([
        "I'm new to OpenTrain, so your review would mean a lot.",
        "This would be my first OpenTrain contract.",
      ]),
    );
  }
  return out;
}

function sampleWork({ trainer, proposal }: ReplyContext, prng: Prng): string[] {
  const items = prng.pick([20, 25, 50]);
  const out = [
    `I can't share client data, but I'm happy to do a short paid test batch of ${items} items so you can check my quality.`,
  ];
  if (proposal?.assessmentScore != null) {
    out.push(`My assessment for this job scored ${proposal.assessmentScore} out of 100.`);
  } else if (trainer.assessmentScore !== null) {
    out.push(`I scored ${trainer.assessmentScore} out of 100 on the OpenTrain labeling assessment.`);
  }
  out.push("Send me the guidelines and I'll return the batch within a day.");
  return out;
}

function tools({ trainer, job }: ReplyContext): string[] {
  const known = trainer.software.slice(0, 3);
  const wanted = (job?.labelingSoftware ?? "")
    .split(/[,;/]| and /)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const used = wanted.filter((w) => trainer.software.some((s) => sameThing(w, s)));
  const missing = wanted.filter((w) => !used.includes(w));
  const out: string[] = [];
  if (used.length > 0) out.push(`Yes, I've used ${listText(used)} a lot.`);
  if (missing.length > 0) {
    out.push(
      known.length > 0
        ? `I haven't used ${listText(missing)} yet, but I work daily in ${listText(known)} and pick up new tools quickly.`
        : `I haven't used ${listText(missing)} yet, but I pick up new tools quickly.`,
    );
  }
  if (out.length === 0) {
    out.push(
      known.length > 0 ? `I usually work in ${listText(known)}.` : "I'm comfortable with the common labeling tools.",
    );
  }
  out.push("I'm happy to work in whatever tool your team uses.");
  return out;
}

function timezone({ trainer }: ReplyContext): string[] {
  const country = countryName(trainer.countryCode);
  const where = country && trainer.timezone ? `${country} (${trainer.timezone})` : (country ?? trainer.timezone);
  return [
    where ? `I'm based in ${where}.` : "I work remotely and keep flexible hours.",
    "I can shift my hours to overlap with your team for a few hours a day.",
    "I reply to messages within my working day.",
  ];
}

function generic({ job, trainer }: ReplyContext, prng: Prng): string[] {
  const title = job?.title ? `"${clean(job.title, trainer)}"` : "this job";
  return [
    prng.pick([
      `Thanks for the message about ${title}; I'm very interested.`,
      `Thank you for considering me for ${title}.`,
      `Thanks for reaching out about ${title}.`,
    ]),
    job?.dataType
      ? `I've read the description and I'm confident I can deliver accurate ${inSentence(job.dataType)} labels.`
      : "I've read the description and I'm confident I can deliver accurate labels.",
    "Let me know what else you'd like to know.",
  ];
}

const ANSWERS: Record<ReplyIntent, (c: ReplyContext, prng: Prng) => string[]> = {
  availability,
  rate,
  experience,
  sample_work: sampleWork,
  tools,
  timezone,
  generic,
};

/**
 * A simulated trainer's answer to the employer's unanswered message(s): it answers what they ask
 * (availability, rate, experience, sample work, tools, time zone, or a generic reply), in the
 * trainer's tone and at the persona's verbosity, from the trainer's profile, their proposal and
 * the job. The same seed, context and questions give the same text.
 */
export function composeReply(questions: string, c: ReplyContext, seed: string): ComposedReply {
  const prng = new Prng(`${seed}|compose`);
  const persona = c.trainer.persona;
  const shape = SHAPE[persona.verbosity];
  const intents = detectIntents(questions).slice(0, shape.intents);
  const body = intents.flatMap((i) => ANSWERS[i](c, prng).slice(0, shape.sentences));
  const greeting = prng.pick(GREETINGS[persona.tone]);
  const closing = prng.pick(CLOSINGS[persona.tone]);
  const name = signatureName(c.trainer);
  const signature = closing ? `${closing}${name ? `,\n${name}` : "."}` : name;
  const content = [greeting, body.join(" "), signature].filter((p) => p.length > 0).join("\n\n");
  return { content, intents };
}

/** A safe fallback when a composed reply would break the content policy (job text can be anything). */
export function plainReply(c: ReplyContext): string {
  const name = signatureName(c.trainer);
  return `Thanks for your message! I'm interested in this job and happy to answer any questions here.${name ? `\n\n${name}` : ""}`;
}

/**
 * Virtual minutes until the trainer answers: around the persona's typical delay (0.6×–1.4×),
 * at least one minute and at most a day.
 */
export function replyDelayMinutes(persona: TrainerPersona, seed: string): number {
  const prng = new Prng(`${seed}|delay`);
  const minutes = persona.replyDelayMinutes * (0.6 + 0.8 * prng.next());
  return Math.round(Math.min(24 * 60, Math.max(1, minutes)) * 60) / 60;
}
