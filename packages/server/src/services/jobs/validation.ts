import {
  JOB_FIELDS,
  PAYMENT_TYPES,
  RATE_KEY_FOR_PAYMENT_TYPE,
  type JobFieldKey,
  type JobFields,
} from "@opentrain-ai/contract";
import { PAY_FLOORS } from "./moderation.js";

export interface MissingField {
  field: string;
  label: string;
  message: string;
  code: string;
  prompt: string;
  type: string;
  enumValues: string[] | null;
  updateKeys: string[];
  example: string;
  hint: string | null;
}

export interface Validation {
  publishReady: boolean;
  issueCount: number;
  missingFieldCount: number;
  missingFields: string[];
  issues: MissingField[];
}

/** Fields every listing needs before it can be published (the rate key follows paymentType). */
export const ALWAYS_REQUIRED = [
  "jobTitle",
  "jobDescription",
  "paymentType",
  "experienceLevel",
  "dataVolumeUnit",
] as const satisfies readonly JobFieldKey[];

/** Shortest description that can be published. */
export const MIN_DESCRIPTION_LENGTH = 20;

const QUESTIONS: Partial<Record<JobFieldKey, { question: string; hint: string | null }>> = {
  jobTitle: { question: "What should the job listing be called?", hint: null },
  jobDescription: { question: "Describe the work the AI trainers will do.", hint: null },
  paymentType: {
    question: "How will the AI trainers be paid?",
    hint: "Pair it with its rate: pricePerHour (PAY_PER_HOUR), pricePerLabel (PAY_PER_LABEL) or fixedPrice (FIXED_PRICE).",
  },
  pricePerHour: {
    question: "What is the hourly rate (USD)?",
    hint: `At least $${PAY_FLOORS.PAY_PER_HOUR}/hour; publishing below that is blocked by moderation.`,
  },
  pricePerLabel: {
    question: "What is the per-label rate (USD)?",
    hint: `At least $${PAY_FLOORS.PAY_PER_LABEL}/label; publishing below that is blocked by moderation.`,
  },
  fixedPrice: {
    question: "What is the total fixed price (USD)?",
    hint: `At least $${PAY_FLOORS.FIXED_PRICE}; publishing below that is blocked by moderation.`,
  },
  experienceLevel: { question: "Which experience level do the trainers need?", hint: null },
  dataVolumeUnit: {
    question: "In what unit is the data volume measured?",
    hint: "Use UNKNOWN_NOT_SPECIFIED when there is no fixed volume; set dataVolume for the amount.",
  },
};

/** A gap entry for `key`: the `ask:` question, its type, allowed values and the keys that fill it. */
export function gapEntry(key: JobFieldKey, code = "missing_required_field", message?: string): MissingField {
  const spec = JOB_FIELDS[key];
  const q = QUESTIONS[key] ?? { question: `What is the ${spec.label.toLowerCase()}?`, hint: null };
  const choices = spec.enumValues ? ` (${spec.enumValues.join(", ")})` : "";
  return {
    field: key,
    label: spec.label,
    message: message ?? `Set ${spec.label.toLowerCase()} (${key}) before publishing.`,
    code,
    prompt: `ask: ${q.question}${choices}`,
    type: spec.type,
    enumValues: spec.enumValues ? [...spec.enumValues] : null,
    updateKeys: [key],
    example: spec.example,
    hint: q.hint,
  };
}

/** Publish readiness: every required field set, no issues (spec 20 §3). */
export function validateJob(f: JobFields): { validation: Validation; missingFields: MissingField[] } {
  const missing: MissingField[] = [];
  for (const key of ALWAYS_REQUIRED) {
    if (f[key] === undefined) missing.push(gapEntry(key));
    if (key === "paymentType" && f.paymentType) {
      const rateKey = RATE_KEY_FOR_PAYMENT_TYPE[f.paymentType];
      if (f[rateKey] === undefined) {
        missing.push(
          gapEntry(rateKey, "missing_required_field", `${f.paymentType} needs ${rateKey} before publishing.`),
        );
      }
    }
  }
  const issues: MissingField[] = [];
  if (f.jobDescription !== undefined && f.jobDescription.length < MIN_DESCRIPTION_LENGTH) {
    issues.push(
      gapEntry(
        "jobDescription",
        "description_too_short",
        `The description must be at least ${MIN_DESCRIPTION_LENGTH} characters; say what the trainers will do.`,
      ),
    );
  }
  return {
    validation: {
      publishReady: missing.length === 0 && issues.length === 0,
      issueCount: issues.length,
      missingFieldCount: missing.length,
      missingFields: missing.map((m) => m.field),
      issues,
    },
    missingFields: missing,
  };
}

/** Non-blocking advice: fields worth improving, rates moderation will refuse, ignored keys. */
export function adviseJob(f: JobFields): string[] {
  const out: string[] = [];
  if (f.paymentType) {
    const rateKey = RATE_KEY_FOR_PAYMENT_TYPE[f.paymentType];
    const rate = f[rateKey];
    const floor = PAY_FLOORS[f.paymentType];
    if (typeof rate === "number" && rate < floor) {
      out.push(
        `${rateKey} ${rate} USD is below the ${floor} USD floor for ${f.paymentType}; publishing will be blocked.`,
      );
    }
    for (const t of PAYMENT_TYPES) {
      const other = RATE_KEY_FOR_PAYMENT_TYPE[t];
      if (t !== f.paymentType && f[other] !== undefined) {
        out.push(`${other} is set but paymentType is ${f.paymentType}; it is not shown on the listing.`);
      }
    }
  }
  if (!f.languages || f.languages.length === 0)
    out.push("Add languages so trainers know which languages the work needs.");
  if (!f.labelTypes || f.labelTypes.length === 0)
    out.push("Add labelTypes (e.g. Bounding Box, Transcription) to improve matching.");
  if (!f.dataType) out.push("Set dataType so the job lands in the right marketplace category.");
  if (f.headcount === undefined) out.push("Set headcount to say how many AI trainers you want to hire.");
  if (f.jobDescription && f.jobDescription.length < 200) {
    out.push("The description is short; add the task, guidelines and quality bar to attract better applicants.");
  }
  return out;
}
