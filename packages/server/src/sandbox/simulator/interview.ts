import type { TrainerPersona, TrainerRow } from "../../db/schema.js";
import type { JobRow } from "../../services/jobs/fields.js";
import type { Prng } from "../seed/prng.js";
import type { Fit } from "./fit.js";
import { capitalize, firstSentence, labelKey, listText, lower } from "./text.js";

/** A generated AI interview, as the interview engine records it (markers and all). */
export interface InterviewDraft {
  /** Turns, oldest first, with their offset from the first question. */
  turns: { role: "interviewer" | "candidate"; content: string; afterSeconds: number }[];
  /** 0–100. */
  score: number;
  summary: string;
  /** Seconds from the first question to the last turn. */
  durationSeconds: number;
}

interface Question {
  key: string;
  text: string;
  /** The candidate's answer: a few sentences, trimmed to the persona's verbosity. */
  answer: () => string[];
}

/** Edge-case questions per label type (keys are labelKey()s), with a strong and a weaker answer. */
const EDGE_CASES: Record<string, { q: string; strong: string[]; weak: string[] }> = {
  "bounding box": {
    q: "An object is partly hidden behind another one. How do you draw its box?",
    strong: [
      "I box only the visible part unless the guideline asks for the full extent, and I mark it as occluded.",
      "When a guideline is silent I ask the project lead and note the decision so the team stays consistent.",
    ],
    weak: ["I would draw the box around the whole object as well as I can guess it."],
  },
  "sentiment analysis": {
    q: 'A review says "Great, another phone that dies by noon." How would you label it, and why?',
    strong: [
      "Negative: the praise is sarcastic and the actual complaint is the battery life.",
      "I read the whole review before labeling, because sarcasm usually flips the first words.",
    ],
    weak: ["Probably positive, since it starts with great, unless the guideline says otherwise."],
  },
  transcription: {
    q: "A speaker mumbles a word you cannot make out. What do you write?",
    strong: [
      "I replay it at a slower speed, and if it is still unclear I use the inaudible tag with a timestamp instead of guessing.",
      "Guessing pollutes the training data, so a marked gap is always better.",
    ],
    weak: ["I write the word that fits the sentence best."],
  },
  "named entity recognition": {
    q: '"Jordan" appears in a sentence and could be a person or a country. How do you decide?',
    strong: [
      "I use the context: verbs like said or scored point to a person, travel or trade words to the country.",
      "If the context really does not decide it, I flag the item rather than force a label.",
    ],
    weak: ["I would tag it as a person, that is the most common case."],
  },
  segmentation: {
    q: "Where do you put the boundary when an object's edge is blurred?",
    strong: [
      "I zoom in and follow the middle of the transition zone, consistently across the whole batch.",
      "For very soft edges I check the guideline's tolerance and keep the mask tight rather than generous.",
    ],
    weak: ["I trace roughly around it; small differences do not matter much."],
  },
  polygon: {
    q: "How many points do you use for a polygon around an irregular shape?",
    strong: [
      "As many as the shape needs to stay within the tolerance: more on curves, few on straight edges.",
      "I check the outline at full zoom before moving on.",
    ],
    weak: ["Usually around ten points, that is quick and close enough."],
  },
  classification: {
    q: "An item fits two classes equally well. What do you do?",
    strong: [
      "I go back to the class definitions and pick the one the guideline prioritises; if it is truly ambiguous I flag it.",
      "I keep a list of such cases so the guideline can be clarified.",
    ],
    weak: ["I pick the first class that fits."],
  },
  rlhf: {
    q: "Two responses are both correct, but one is much longer. How do you rank them?",
    strong: [
      "Length is not quality: I prefer the one that answers the question directly and completely, and I penalise padding.",
      "If the longer one adds real value, such as a caveat that matters, it can still win, and I say why in the rationale.",
    ],
    weak: ["I would usually prefer the longer one, since it has more information."],
  },
  "response evaluation": {
    q: "A response is fluent and confident but contains one factual error. How do you rate it?",
    strong: [
      "The factual error dominates: fluency does not make up for a wrong answer, so it gets a low accuracy score.",
      "I check the claim against a reliable source before I mark it.",
    ],
    weak: ["If it reads well I would still rate it fairly high."],
  },
  translation: {
    q: "An idiom has no direct equivalent in the target language. How do you handle it?",
    strong: [
      "I translate the meaning with a natural local expression rather than word for word.",
      "If the style guide wants literal renderings, I follow it and add a note.",
    ],
    weak: ["I translate it word for word so nothing is lost."],
  },
  "red teaming": {
    q: "How do you keep a red-teaming session productive without producing harmful content yourself?",
    strong: [
      "I plan the attack categories first, document each prompt and outcome, and stop at demonstrating the failure.",
      "The goal is a reproducible finding, not harmful text, so I never go further than needed.",
    ],
    weak: ["I just try lots of prompts until something breaks."],
  },
  keypoint: {
    q: "A keypoint is hidden behind the body. Do you still place it?",
    strong: [
      "Only if the guideline wants occluded points: then I estimate its position and set the visibility flag accordingly.",
      "I never leave an estimated point marked as visible.",
    ],
    weak: ["I skip points I cannot see."],
  },
  "object tracking": {
    q: "An object leaves the frame and comes back. How do you keep its track id?",
    strong: [
      "If it is clearly the same object I keep the id and mark the frames where it was outside.",
      "When I cannot be sure it is the same one, I start a new track and add a note.",
    ],
    weak: ["I give it a new id when it comes back."],
  },
  cuboid: {
    q: "How do you fit a cuboid to a vehicle seen only from behind?",
    strong: [
      "I use the vehicle class's typical dimensions and the point cloud's extent, then check the fit from the top view.",
      "Heading comes from the lane direction and the visible points, never from a guess.",
    ],
    weak: ["I draw the cuboid around the points I can see."],
  },
  "content moderation": {
    q: "A post is borderline satire. How do you decide whether it breaks the policy?",
    strong: [
      "I apply the policy's definitions literally and consider the likely reading of the audience, not my own taste.",
      "Borderline items get escalated with my reasoning rather than a coin flip.",
    ],
    weak: ["If it seems like a joke I let it through."],
  },
  "prompt writing": {
    q: "What makes a good prompt for a training dataset?",
    strong: [
      "A clear task, realistic context and a checkable answer; I vary difficulty and phrasing so the set is diverse.",
      "I avoid prompts that leak the answer or depend on information the model cannot have.",
    ],
    weak: ["Short prompts that are easy to answer."],
  },
  "supervised fine tuning": {
    q: "How do you write a reference answer for supervised fine-tuning?",
    strong: [
      "I answer exactly what was asked, accurately and in the requested format, and I keep the tone consistent with the style guide.",
      "I fact-check every claim before submitting.",
    ],
    weak: ["I write the best answer I can, as long as it sounds good."],
  },
  "speaker diarization": {
    q: "Two speakers talk over each other. How do you segment it?",
    strong: [
      "I mark the overlap as its own segment with both speakers, following the project's overlap convention.",
      "Then I make sure each speaker's turns before and after are cleanly cut.",
    ],
    weak: ["I give the segment to whoever is louder."],
  },
};

const OPENERS: Record<TrainerPersona["tone"], readonly string[]> = {
  formal: ["Certainly.", "Thank you for the question.", "Of course."],
  friendly: ["Sure!", "Happy to explain.", "Good question."],
  concise: [""],
  enthusiastic: ["Great question!", "I love this part of the work!", "Absolutely!"],
};

const PROFICIENCY_TEXT = {
  NATIVE: "native",
  FLUENT: "fluent",
  CONVERSATIONAL: "conversational",
  BASIC: "basic",
} as const;

const SENTENCES_BY_VERBOSITY = { short: 1, medium: 2, long: 4 } as const;
const ANSWER_SECONDS = { short: [20, 60], medium: [45, 150], long: [90, 300] } as const;

/** Years the trainer has done labeling work (from the profile). */
export function labelingYears(t: TrainerRow, now: Date): number {
  const from = t.labelExperience.map((e) => e.fromYear).filter((y): y is number => y !== null);
  const first = from.length > 0 ? Math.min(...from) : null;
  const years = first === null ? 0 : now.getUTCFullYear() - first;
  const byLevel = { ENTRY_LEVEL: 0, INTERMEDIATE: 2, EXPERT: 5 }[t.experienceLevel];
  return Math.max(years, byLevel);
}

/** The profile's labeling project closest to the job. */
export function relevantProject(job: JobRow, t: TrainerRow) {
  return (
    t.labelExperience.find((e) => e.labelTypes.some((l) => job.labelTypes.some((j) => labelKey(j) === labelKey(l)))) ??
    t.labelExperience.find((e) => job.dataType !== null && e.dataType === job.dataType) ??
    t.labelExperience[0] ??
    null
  );
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/**
 * An AI interview about the job: 5–8 questions built from the job's fields (label types, data,
 * tool, languages, subject, the client's interview requirements, quality and availability),
 * answered from the trainer's profile in their persona's tone and length, with a 0–100 score
 * and a one-line summary. The recorded transcript carries the engine's control markers, and a
 * few trainers put contact details or their full name in an answer, as real people do: the API
 * sanitizes both away on read.
 */
export function generateInterview(
  job: JobRow,
  t: TrainerRow,
  fit: Fit,
  prng: Prng,
  opts: { now: Date; firstName: string | null },
): InterviewDraft {
  const persona = t.persona;
  const years = labelingYears(t, opts.now);
  const project = relevantProject(job, t);
  const jobLabels = job.labelTypes.length > 0 ? job.labelTypes : [];
  const labelPhrase = jobLabels.length > 0 ? listText(jobLabels.slice(0, 2).map(lower)) : "data labeling";
  const dataPhrase = job.dataType ? `${lower(job.dataType)} data` : "this kind of data";
  const strongOnEdgeCases = prng.chance(clamp(0.25 + fit.score * 0.8, 0.1, 0.95));
  const leaky = prng.chance(0.1);
  const namesSelf = prng.chance(0.06) && opts.firstName !== null;

  const edgeKey =
    jobLabels.map(labelKey).find((k) => EDGE_CASES[k]) ?? t.labelTypes.map(labelKey).find((k) => EDGE_CASES[k]);
  const edge = edgeKey ? EDGE_CASES[edgeKey]! : null;

  const questions: Question[] = [];
  questions.push({
    key: "experience",
    text: `Tell me about your experience with ${labelPhrase} on ${dataPhrase}.`,
    answer: () => {
      const out: string[] = [];
      if (namesSelf) out.push(`My name is ${opts.firstName} ${t.lastName}.`);
      if (fit.matchedLabelTypes.length > 0) {
        out.push(
          `I have ${years > 0 ? `${years} year${years === 1 ? "" : "s"} of` : "recent"} hands-on experience with ${listText(fit.matchedLabelTypes.map(lower))}.`,
        );
      } else {
        out.push(
          `I have not done ${labelPhrase} as such, but my ${listText(t.labelTypes.slice(0, 2).map(lower))} work is closely related.`,
        );
      }
      if (project) out.push(`Most recently: ${lower(project.title)}. ${project.description ?? ""}`.trim());
      if (fit.dataTypeMatch) out.push(`${capitalize(dataPhrase)} is what I work with most.`);
      out.push(`I follow guidelines closely and keep notes on the edge cases I meet.`);
      return out;
    },
  });
  if (edge) {
    questions.push({ key: "edge_case", text: edge.q, answer: () => (strongOnEdgeCases ? edge.strong : edge.weak) });
  } else if (jobLabels[0]) {
    questions.push({
      key: "edge_case",
      text: `What is the hardest edge case you have met in ${lower(jobLabels[0])} work, and how did you resolve it?`,
      answer: () =>
        strongOnEdgeCases
          ? [
              "Items that sit between two categories. I documented each one with an example and the team agreed a rule.",
              "After that the disagreement rate on the batch dropped noticeably.",
            ]
          : ["Mostly unclear items; I labeled them as best I could."],
    });
  }
  if (job.labelingSoftware) {
    const tool = job.labelingSoftware;
    questions.push({
      key: "tool",
      text: `This project uses ${tool}. How familiar are you with it?`,
      answer: () =>
        fit.toolMatch
          ? [`I use ${tool} regularly, including its review and shortcut features.`, "I can start without onboarding."]
          : [
              `I have not used ${tool} yet, but I work in ${listText(t.software.slice(0, 2))} and pick up new tools quickly.`,
              "I would go through the documentation before the first batch.",
            ],
    });
  }
  const language = fit.languageLevels.find((l) => l.language !== "English") ?? fit.languageLevels[0];
  if (language) {
    const level = language.proficiency;
    questions.push({
      key: "language",
      text: `The data is in ${language.language}. How would you rate your ${language.language}, and have you labeled ${language.language} data before?`,
      answer: () => [
        level === "NATIVE"
          ? `${language.language} is my native language.`
          : level === "FLUENT"
            ? `I am fluent in ${language.language} and use it at work every day.`
            : level
              ? `My ${language.language} is ${PROFICIENCY_TEXT[level]}; I can follow it, but I am more comfortable in ${t.languages.find((l) => l.proficiency === "NATIVE")?.language ?? "English"}.`
              : `I do not speak ${language.language} well, to be honest.`,
        level === "NATIVE" || level === "FLUENT"
          ? `I have labeled ${language.language} data before and I know its regional variations.`
          : "I would double-check anything I am unsure of.",
      ],
    });
  }
  if (job.subjectMatter) {
    questions.push({
      key: "subject",
      text: `The material covers ${job.subjectMatter}. What background do you bring to it?`,
      answer: () =>
        fit.subjectMatch
          ? [
              `That is close to my background in ${listText(t.subjectMatter.slice(0, 2).map(lower))}.`,
              "I know the terminology.",
            ]
          : [
              `My background is in ${listText(t.subjectMatter.slice(0, 2).map(lower))}, so I would read up on ${job.subjectMatter} before starting.`,
            ],
    });
  }
  const requirements =
    typeof job.details.aiInterviewRequirements === "string" ? job.details.aiInterviewRequirements : null;
  if (requirements && requirements.trim()) {
    questions.push({
      key: "requirements",
      text: `The client asks: "${firstSentence(requirements)}" How do you meet this?`,
      answer: () =>
        fit.score >= 0.7
          ? [
              "I meet that requirement, and I can show it in a short paid trial batch.",
              "My profile lists the relevant projects.",
            ]
          : ["I partly meet it; I am willing to learn the rest quickly."],
    });
  }
  questions.push({
    key: "quality",
    text: "How do you keep your accuracy steady over a long batch?",
    answer: () => [
      "I take short breaks every hour and re-read the guideline whenever something feels unfamiliar.",
      "I also spot-check my own earlier items before submitting.",
      "Reviewer feedback goes straight into my notes.",
    ],
  });
  const time = typeof job.details.timeRequirement === "string" ? job.details.timeRequirement : null;
  questions.push({
    key: "availability",
    text: `${time ? `The client expects ${lower(time)}. ` : ""}How many hours a week can you give this project, and from which time zone?`,
    answer: () => {
      const out = [
        `I can give about ${t.hoursPerWeek ?? 20} hours a week, working from ${t.timezone ?? "my time zone"}.`,
        t.availability === "FULL_TIME" ? "I am available full time right now." : "I can be flexible around deadlines.",
      ];
      if (leaky) {
        out.push(
          prng.chance(0.5) && t.email
            ? `If it is easier, email me at ${t.email} and I will answer the same day.`
            : `You can also reach me on WhatsApp at ${t.phone ?? "my number"}.`,
        );
      }
      return out;
    },
  });
  questions.push({
    key: "feedback",
    text: "How do you handle reviewer feedback you disagree with?",
    answer: () => [
      "I ask for the reasoning and an example, apply the decision consistently, and suggest a guideline update if it helps others.",
      "Consistency matters more than being right about one item.",
    ],
  });

  // 5–8 questions: drop the optional ones (feedback, subject, requirements) past eight.
  let chosen = questions;
  for (const key of ["feedback", "subject", "requirements"])
    if (chosen.length > 8) chosen = chosen.filter((q) => q.key !== key);
  if (chosen.length < 5) chosen = questions; // never happens: experience, quality, availability, feedback + edge/tool/…

  const opener = () => prng.pick(OPENERS[persona.tone]);
  const sentences = SENTENCES_BY_VERBOSITY[persona.verbosity];
  const [lo, hi] = ANSWER_SECONDS[persona.verbosity];
  const turns: InterviewDraft["turns"] = [];
  let elapsed = 0;
  chosen.forEach((q, i) => {
    turns.push({ role: "interviewer", content: `[[q:${i + 1}:${q.key}]] ${q.text}`, afterSeconds: elapsed });
    elapsed += prng.int(lo, hi);
    const answer = q.answer();
    // The self-introduction and a leaked contact line survive any verbosity, as they would.
    const keep = answer.filter((s, j) => j < sentences || /My name is|email me|WhatsApp/.test(s));
    turns.push({
      role: "candidate",
      content: `${[opener(), ...keep].filter(Boolean).join(" ")} <|end_of_turn|>`,
      afterSeconds: elapsed,
    });
    elapsed += prng.int(5, 15);
  });

  // Score: fit, the assessment, the edge-case answer and how the candidate expresses themselves.
  const assessment = t.assessmentScore === null ? -2 : (t.assessmentScore - 65) * 0.25;
  const style = { short: -4, medium: 0, long: 2 }[persona.verbosity] + (persona.tone === "concise" ? -1 : 0);
  const score = Math.round(
    clamp(36 + 42 * fit.score + assessment + (strongOnEdgeCases ? 6 : -6) + style + (prng.next() * 12 - 6), 15, 97),
  );
  turns.push({
    role: "interviewer",
    content: `Thank you, that was the last question. The hiring team will review your answers. [[score:${score}]]\n[internal] rubric=v3 fit=${fit.score}`,
    afterSeconds: elapsed,
  });

  return {
    turns,
    score,
    summary: summarize(job, t, fit, { score, strongOnEdgeCases, verbosity: persona.verbosity }),
    durationSeconds: elapsed,
  };
}

function summarize(
  job: JobRow,
  t: TrainerRow,
  fit: Fit,
  r: { score: number; strongOnEdgeCases: boolean; verbosity: TrainerPersona["verbosity"] },
): string {
  const strengths: string[] = [];
  const concerns: string[] = [];
  if (fit.matchedLabelTypes.length > 0)
    strengths.push(`hands-on ${listText(fit.matchedLabelTypes.map(lower))} experience`);
  if (r.strongOnEdgeCases) strengths.push("careful with edge cases");
  else concerns.push("shaky on edge cases");
  if (fit.toolMatch && job.labelingSoftware) strengths.push(`already works in ${job.labelingSoftware}`);
  if (fit.toolMatch === false && job.labelingSoftware) concerns.push(`new to ${job.labelingSoftware}`);
  for (const l of fit.languageLevels) {
    if (l.proficiency === "NATIVE" || l.proficiency === "FLUENT") {
      strengths.push(`${PROFICIENCY_TEXT[l.proficiency]} ${l.language}`);
    } else {
      concerns.push(`${l.language} ${l.proficiency ? `only ${PROFICIENCY_TEXT[l.proficiency]}` : "weak"}`);
    }
  }
  if (fit.subjectMatch && job.subjectMatter) strengths.push(`relevant ${lower(job.subjectMatter)} background`);
  if (t.assessmentScore !== null && t.assessmentScore >= 80) strengths.push("strong labeling assessment");
  if (job.labelTypes.length > 0 && fit.matchedLabelTypes.length === 0)
    concerns.push(`no direct ${lower(job.labelTypes[0]!)} experience`);
  if (fit.parts.experience < 0.6) concerns.push("less experience than the job asks for");
  if (fit.payRatio !== null && fit.payRatio < 0.9) concerns.push("expects more than the job pays");
  if (r.verbosity === "short") concerns.push("brief answers");
  if (r.verbosity === "long") strengths.push("detailed answers");
  const verdict =
    r.score >= 80
      ? "Strong candidate"
      : r.score >= 65
        ? "Solid candidate"
        : r.score >= 50
          ? "Mixed interview"
          : "Weak interview";
  const good = strengths.slice(0, 3).join(", ") || "general labeling experience";
  const bad = concerns.slice(0, 2).join(", ");
  return `${verdict}: ${good}${bad ? `; ${bad}` : ""}.`;
}
