import { RATE_KEY_FOR_PAYMENT_TYPE, type JobFields } from "@opentrain-ai/contract";

/**
 * Content moderation of job listings: deterministic, stated rules, run on every publish and on
 * every edit of a live job. A job is blocked when any rule finds something:
 *
 * 1. contact_details — an email address, a phone number, or a messaging handle/link
 *    (WhatsApp, Telegram, Signal, Skype, Discord, WeChat, Line, Kik, Snapchat, t.me/wa.me links)
 *    anywhere in the text: trainers and employers talk through OpenTrain messages.
 * 2. off_platform_payment — asking to be paid or to pay outside OpenTrain (PayPal, Venmo, Zelle,
 *    Cash App, Western Union, wire transfer, crypto, gift cards, "pay outside the platform"), or
 *    charging trainers a fee (registration, training or deposit fees).
 * 3. prohibited_work — academic cheating (doing someone's exam, homework, essay or coursework),
 *    sexual content involving minors, weapons or explosives manufacture, covert surveillance or
 *    doxxing of individuals, fake reviews.
 * 4. pay_below_floor — the rate is under the floor: $3.00/hour, $0.001/label, $5.00 fixed price
 *    (and a budget range whose minimum is under the hourly floor).
 */

export const PAY_FLOORS = { PAY_PER_HOUR: 3, PAY_PER_LABEL: 0.001, FIXED_PRICE: 5 } as const;

export type ModerationRule = "contact_details" | "off_platform_payment" | "prohibited_work" | "pay_below_floor";

export interface ModerationFinding {
  rule: ModerationRule;
  field: string;
  message: string;
  /** What to change so the job passes. */
  fix: string;
}

export interface ModerationResult {
  decision: "ALLOW" | "BLOCK";
  reasons: string[];
  findings: ModerationFinding[];
}

/** Text fields moderation reads, with how they are named in messages. */
const TEXT_FIELDS = [
  "jobTitle",
  "jobDescription",
  "labelingOverview",
  "datasetDescription",
  "subjectMatter",
  "labelingSoftware",
  "aiInterviewRequirements",
  "workloadDesc",
  "timeRequirement",
  "projectDuration",
  "projectScope",
] as const;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
const MESSENGER_LINK =
  /\b(?:t\.me|telegram\.me|wa\.me|chat\.whatsapp\.com|discord\.gg|discord(?:app)?\.com\/invite|signal\.me|join\.skype\.com)\/\S+/i;
const MESSENGER_HANDLE =
  /\b(?:whats\s?app|telegram|signal|skype|discord|wechat|weixin|kik|snapchat|viber)\b\s*(?:(?:id|handle|user\s?name|number|no\.?)\s*)?(?::|@|\bat\b)\s*(?:@[A-Za-z0-9_.]{3,}|[A-Za-z0-9_.#+-]*[\d_#.][A-Za-z0-9_.#+-]*)|\b(?:whats\s?app|telegram|signal|skype|discord|wechat|kik|snapchat|viber)\b[^.\n]{0,20}@[A-Za-z0-9_.]{3,}|\b(?:contact|message|text|dm|ping|reach|add)\s+me\s+(?:on|via|at)\s+(?:whats\s?app|telegram|signal|skype|discord|wechat|line|kik|snapchat|viber|instagram|facebook|messenger)\b/i;
const PHONE_CANDIDATE = /(?:\+\s?)?\(?\d[\d\s().-]{6,}\d/g;
const PHONE_CONTEXT = /\b(?:phone|call|text|sms|whats\s?app|tel|mobile|cell|contact|reach)\b[^\n]{0,24}$/i;

/** A phone number: 9–15 digits, written like one (a `+`, brackets or grouped), not a thousands-grouped count. */
function findPhone(text: string): string | null {
  for (const m of text.matchAll(PHONE_CANDIDATE)) {
    const raw = m[0].trim();
    const digits = raw.replace(/\D/g, "");
    if (digits.length < 9 || digits.length > 15) continue;
    if (/^\d{1,3}(?:[ ,.]\d{3})+$/.test(raw)) continue; // 100 000 000 — a count
    if (/^\d{4}-\d{2}-\d{2}/.test(raw)) continue; // a date
    const shaped = raw.startsWith("+") || /\(\d+\)/.test(raw) || /\d[\s.-]\d+[\s.-]\d/.test(raw);
    const before = text.slice(Math.max(0, (m.index ?? 0) - 30), m.index ?? 0);
    if (shaped || PHONE_CONTEXT.test(before)) return raw;
  }
  return null;
}

const OFF_PLATFORM = [
  /\b(?:pay(?:ment)?s?|paid|payout|transfer|send(?:ing)?)\b[^.\n]{0,40}\b(?:paypal|venmo|zelle|cash\s?app|western union|moneygram|wire transfer|crypto(?:currency)?|bitcoin|btc|usdt|gift ?cards?)\b/i,
  /\b(?:paypal|venmo|zelle|cash\s?app|western union|moneygram|bitcoin|usdt|gift ?cards?)\b[^.\n]{0,40}\b(?:pay(?:ment)?s?|paid|payout)\b/i,
  /\b(?:outside|off)[- ](?:of )?(?:the )?(?:platform|opentrain)\b/i,
];
const WORKER_FEES =
  /(?<!\bno\s)(?<!\bwithout\s)\b(?:registration|application|training|onboarding|starter|membership|activation)\s+fee\b|\b(?:you|applicants?|trainers?|candidates?|workers?|freelancers?)\s+(?:must|will|need to|have to|should)\s+(?:first\s+)?(?:pay|deposit|send)\b[^.\n]{0,30}\b(?:fee|deposit|\$\s?\d)/i;

const PROHIBITED: { pattern: RegExp; what: string }[] = [
  {
    pattern:
      /\b(?:take|do|complete|write|sit|attend)\s+(?:my|our)\s+(?:online\s+)?(?:exams?|homework|assignments?|essays?|coursework|class(?:es)?|thesis|dissertation|quiz(?:zes)?)\b|\b(?:exam|test|quiz|class|homework)\s+for\s+me\b|\bacademic (?:cheating|dishonesty)\b|\bghost[- ]?writ\w*\s+(?:essays?|assignments?|theses|dissertations?)\b/i,
    what: "academic cheating",
  },
  {
    pattern:
      /\bcsam\b|\bchild (?:porn\w*|sexual\w*|abuse (?:material|imagery))\b|\b(?:minors?|underage|under-?age|children|kids?)\b[^.\n]{0,15}\b(?:nude|naked|sexual|explicit|porn\w*|erotic)\b|\b(?:nude|naked|sexual|explicit|porn\w*|erotic)\b[^.\n]{0,15}\b(?:minors?|underage|children|kids?)\b/i,
    what: "sexual content involving minors",
  },
  {
    pattern:
      /\b(?:build|make|assemble|manufactur\w*)\w*\s+(?:a\s+|an\s+)?(?:bombs?|explosives?|explosive devices?|ied|pipe bombs?|ghost guns?|untraceable (?:fire)?arms?|silencers?|suppressors?|chemical weapons?|bioweapons?|nerve agents?)\b(?!\s*(?:detect|classif|recogn|disposal|sniff))|\b3d[- ]print\w*\s+(?:guns?|firearms?)\b/i,
    what: "weapons or explosives manufacture",
  },
  {
    pattern:
      /\bspy(?:ing)? on (?:my|his|her|their|a|an|someone)\b|\b(?:track|monitor|follow|locate|surveil)\w*\s+(?:my|his|her)\s+(?:ex|wife|husband|girlfriend|boyfriend|partner|spouse|neighbou?r|boss|employee)\b|\b(?:secretly|covertly)\s+(?:track|monitor|follow|record|surveil|watch)\w*|\b(?:track|monitor|follow|record|surveil|watch)\w*[^.\n]{0,40}without (?:their|his|her|the person'?s) (?:knowledge|consent)\b|\b(?:find|get|uncover|look up)\s+(?:someone'?s|a person'?s|his|her)\s+(?:home\s+)?(?:address|whereabouts|phone number)\b|\bdox(?:x)?(?:ing|ed)?\b/i,
    what: "surveillance or doxxing of individuals",
  },
  {
    pattern: /\b(?:write|post|create|leave)\s+(?:\d+\s+)?(?:fake|false|paid)\s+(?:\w+\s+)?reviews?\b/i,
    what: "fake reviews",
  },
];

const preview = (s: string) => (s.length > 40 ? `${s.slice(0, 37)}…` : s);

function scanText(field: string, text: string, findings: ModerationFinding[]): void {
  const email = EMAIL.exec(text);
  if (email) {
    findings.push({
      rule: "contact_details",
      field,
      message: `${field} contains an email address (${preview(email[0])})`,
      fix: `Remove the email address from ${field}; candidates reach you through OpenTrain messages.`,
    });
  }
  const phone = findPhone(text);
  if (phone) {
    findings.push({
      rule: "contact_details",
      field,
      message: `${field} contains a phone number (${preview(phone)})`,
      fix: `Remove the phone number from ${field}; candidates reach you through OpenTrain messages.`,
    });
  }
  const handle = MESSENGER_LINK.exec(text) ?? MESSENGER_HANDLE.exec(text);
  if (handle) {
    findings.push({
      rule: "contact_details",
      field,
      message: `${field} contains a messaging handle or link (${preview(handle[0].trim())})`,
      fix: `Remove the messaging handle from ${field}; keep the conversation on OpenTrain.`,
    });
  }
  const offPlatform = OFF_PLATFORM.map((p) => p.exec(text)).find((m) => m !== null);
  if (offPlatform) {
    findings.push({
      rule: "off_platform_payment",
      field,
      message: `${field} asks for payment outside OpenTrain (${preview(offPlatform[0])})`,
      fix: `Remove the off-platform payment terms from ${field}; OpenTrain pays trainers through contracts and milestones.`,
    });
  }
  const fee = WORKER_FEES.exec(text);
  if (fee) {
    findings.push({
      rule: "off_platform_payment",
      field,
      message: `${field} charges trainers a fee (${preview(fee[0])})`,
      fix: `Remove the fee from ${field}; trainers never pay to apply or to work.`,
    });
  }
  for (const p of PROHIBITED) {
    const m = p.pattern.exec(text);
    if (m) {
      findings.push({
        rule: "prohibited_work",
        field,
        message: `${field} describes prohibited work: ${p.what} (${preview(m[0])})`,
        fix: `OpenTrain does not allow ${p.what}; remove that work from the job.`,
      });
    }
  }
}

function scanPay(f: JobFields, findings: ModerationFinding[]): void {
  if (!f.paymentType) return;
  const key = RATE_KEY_FOR_PAYMENT_TYPE[f.paymentType];
  const rate = f[key];
  const floor = PAY_FLOORS[f.paymentType];
  const unit = { PAY_PER_HOUR: "/hour", PAY_PER_LABEL: "/label", FIXED_PRICE: " fixed price" }[f.paymentType];
  if (typeof rate === "number" && rate < floor) {
    findings.push({
      rule: "pay_below_floor",
      field: key,
      message: `${key} $${rate}${unit} is below the $${floor}${unit} floor`,
      fix: `Raise ${key} to at least ${floor} (USD).`,
    });
  }
  if (f.paymentType === "PAY_PER_HOUR" && f.budgetRange && f.budgetRange.min < floor) {
    findings.push({
      rule: "pay_below_floor",
      field: "budgetRange",
      message: `budgetRange.min $${f.budgetRange.min}/hour is below the $${floor}/hour floor`,
      fix: `Raise budgetRange.min to at least ${floor} (USD).`,
    });
  }
}

/** Runs every rule over the job's fields; pure and deterministic. */
export function moderateJob(f: JobFields): ModerationResult {
  const findings: ModerationFinding[] = [];
  for (const key of TEXT_FIELDS) {
    const v = f[key];
    if (typeof v === "string" && v.length > 0) scanText(key, v, findings);
  }
  for (const key of ["languages", "labelTypes"] as const) {
    const v = f[key];
    if (v && v.length > 0) scanText(key, v.join(", "), findings);
  }
  scanPay(f, findings);
  return {
    decision: findings.length > 0 ? "BLOCK" : "ALLOW",
    reasons: findings.map((x) => `${x.rule}: ${x.message}`),
    findings,
  };
}
