/**
 * Time: project duration, deadline and weekly time commitment.
 *
 * projectDuration ("6 weeks", "3 months", "6-8 weeks"), strongest first:
 *  1. labelled: "Duration: 3 months", "Contract length: 4 months", "Duración aproximada: 5 semanas";
 *  2. compound: "3-month engagement", "10-week project", "a 6-week transcription project", "3 month contract";
 *  3. after a verb or preposition: "should take about six weeks", "run for 8 weeks", "for 2 months",
 *     "within 3 weeks", "finished in 30 days".
 * Years of experience, payment terms ("paid within 14 days") and hours are never durations.
 *
 * deadline: an explicit calendar date right after a deadline cue ("Deadline:", "due by", "complete by",
 * "no later than", "before", "until") in ISO, day-first or month-first numeric, or written-month form;
 * a numeric date with both parts ≤ 12 is read month-first (a warning says so). A date without a year is
 * resolved only when `now` is given (the next such date on or after `now`).
 *
 * timeRequirement: "15-20 hours/week", "at least 10 hours/week", "Full-time", "Part-time".
 */
import { COUNT_SOURCE, countValue, findAtNumbers } from "./numbers.js";
import { altLiteral, findAll, sentenceAt, wordRe, type TextView } from "./text.js";
import { DURATION_UNITS, MONTHS } from "./vocab/numbers.js";

export interface DurationResult {
  projectDuration: string | null;
  deadline: string | null;
  timeRequirement: string | null;
  confidence: { projectDuration: number; deadline: number; timeRequirement: number };
  warnings: string[];
}

const UNITS = altLiteral(Object.keys(DURATION_UNITS));
const RANGE = String.raw`(?:\s*(?:-|to)\s*(?<hi>\d+))?`;
const APPROX = String.raw`(?:(?:about|approximately|approx\.?|around|roughly|~|ca\.?|up to|the next|at least)\s*)?`;
const LABELLED_RE = wordRe(
  String.raw`(?:duration|expected duration|project duration|contract length|project length|engagement length|timeline|length|term|duracion(?: aproximada)?|duracao(?: aproximada)?|dauer|projektdauer|duree|durata)\s*[:=]\s*${APPROX}(?<count>${COUNT_SOURCE})${RANGE}\s*-?\s*(?<unit>${UNITS})`,
);
const LABELLED_DE_RE = wordRe(
  String.raw`(?:duration|duree|duracion|duracao|dauer|durata)\s+(?:of|de|von|di|d')\s*${APPROX}(?<count>${COUNT_SOURCE})${RANGE}\s*(?<unit>${UNITS})`,
);
const COMPOUND_RE = wordRe(
  String.raw`(?<count>${COUNT_SOURCE})${RANGE}[- ](?<unit>${UNITS})(?:[- ]long)?\s+(?:[\p{L}-]+\s+){0,2}?(?:project|contract|engagement|assignment|gig|program|programme|pilot|job|sprint|commitment|turnaround|timeline|timeframe|work|projekt|proyecto|projeto|progetto|projet|contrato|vertrag)`,
  "y",
);
const PREP_RE = wordRe(
  String.raw`(?:for|over|lasting|last|lasts|run for|runs for|take|takes|within|in|durante|pendant|fur|per un periodo di)\s+${APPROX}(?<count>${COUNT_SOURCE})${RANGE}\s*(?<unit>${UNITS})`,
);
/** "should take a week or so", "for about a month" → 1 unit. */
const ONE_UNIT_RE = wordRe(
  String.raw`(?:take|takes|last|lasts|run for|runs for|for|within|over)\s+${APPROX}(?:a|one)\s+(?<unit>week|month|day|year)`,
);
const NOT_DURATION_BEFORE =
  /(?<![\p{L}])(?:paid|payment|payout|invoice|invoiced|reply|respond|response|hear back|answer)[^.]{0,20}$/u;
const EXPERIENCE_CUE = /experien|(?<![\p{L}])exp(?![\p{L}])|erfahrung|background|as an? [\p{L}]+|lived|living|resid/u;

const MONTH_ALT = altLiteral(Object.keys(MONTHS));
const DATE_SOURCES: readonly [RegExp, (m: Record<string, string | undefined>) => [number | null, number, number]][] = [
  [wordRe(String.raw`(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2})`), (g) => [Number(g.y), Number(g.mo), Number(g.d)]],
  [
    wordRe(String.raw`(?<mon>${MONTH_ALT})\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<y>\d{4}))?`),
    (g) => [g.y ? Number(g.y) : null, MONTHS[g.mon ?? ""] ?? 0, Number(g.d)],
  ],
  [
    wordRe(
      String.raw`(?<d>\d{1,2})(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?(?<mon>${MONTH_ALT})\.?,?(?:\s+(?:de\s+)?(?<y>\d{4}))?`,
    ),
    (g) => [g.y ? Number(g.y) : null, MONTHS[g.mon ?? ""] ?? 0, Number(g.d)],
  ],
];
const NUMERIC_DATE_RE = wordRe(String.raw`(?<a>\d{1,2})[/.](?<b>\d{1,2})[/.](?<y>\d{4}|\d{2})`);
const DEADLINE_CUE =
  /(?<![\p{L}])(?:deadline|due(?: date)?|due by|due on|by|before|no later than|not later than|complete(?:d)? by|finish(?:ed)? by|until|till|submit(?:ted)? by|ends?(?: on)?|end date|delivery(?: date)?|deliver by|fecha limite|plazo|hasta el|bis zum|bis|avant le|date limite|prazo|ate|entro il|scadenza)\s*[:=-]?\s*(?:on\s+|the\s+)?$/u;
const TIME_REQ_RE = wordRe(
  String.raw`(?:(?<min>at least|minimum|min\.?|up to|max(?:imum)?\.?)\s+)?(?<a>\d+)(?:\s*(?:-|to)\s*(?<b>\d+))?\s*\+?\s*(?:hours?|hrs?|h)\s*(?:\/|per|a|each)\s*(?:week|wk)`,
);
const FULL_PART_RE = wordRe(String.raw`(?<k>full|part)[- ]time`);

function unitLabel(unit: string, n: number, hi: number | null): string {
  const u = DURATION_UNITS[unit] ?? unit;
  return hi !== null ? `${n}-${hi} ${u}s` : `${n} ${u}${n === 1 ? "" : "s"}`;
}

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return dt.toISOString().slice(0, 10);
}

function findDuration(view: TextView): { value: string; confidence: number } | null {
  const s = view.lower;
  for (const [re, confidence] of [
    [LABELLED_RE, 0.9],
    [LABELLED_DE_RE, 0.85],
    [COMPOUND_RE, 0.85],
    [PREP_RE, 0.7],
    [ONE_UNIT_RE, 0.6],
  ] as const) {
    for (const m of re === COMPOUND_RE ? findAtNumbers(re, view) : findAll(re, s)) {
      const unit = m.groups.unit ?? "";
      const n = re === ONE_UNIT_RE ? 1 : countValue(m.groups);
      if (n === null || n <= 0 || !Number.isInteger(n)) continue;
      const sent = sentenceAt(view, m.start);
      if (NOT_DURATION_BEFORE.test(s.slice(sent.start, m.start))) continue;
      if (DURATION_UNITS[unit] === "year" && EXPERIENCE_CUE.test(s.slice(sent.start, sent.end))) continue;
      if (EXPERIENCE_CUE.test(s.slice(m.end, Math.min(sent.end, m.end + 30)))) continue;
      const hi = m.groups.hi !== undefined ? Number(m.groups.hi) : null;
      return { value: unitLabel(unit, n, hi !== null && hi > n ? hi : null), confidence };
    }
  }
  return null;
}

function findDeadline(view: TextView, now: Date | undefined, warnings: string[]): string | null {
  const s = view.lower;
  const cands: { start: number; date: string }[] = [];
  const cueBefore = (start: number) =>
    DEADLINE_CUE.test(s.slice(Math.max(sentenceAt(view, start).start, start - 30), start));
  for (const [re, parts] of DATE_SOURCES) {
    for (const m of findAll(re, s)) {
      if (!cueBefore(m.start)) continue;
      const [y, mo, d] = parts(m.groups);
      let year = y;
      if (year === null) {
        if (!now) {
          warnings.push(`Deadline "${view.original.slice(m.start, m.end)}" has no year: not set`);
          continue;
        }
        year = now.getUTCFullYear();
        const candidate = iso(year, mo, d);
        if (candidate && candidate < now.toISOString().slice(0, 10)) year++;
      }
      const date = iso(year, mo, d);
      if (date) cands.push({ start: m.start, date });
    }
  }
  for (const m of findAll(NUMERIC_DATE_RE, s)) {
    if (!cueBefore(m.start)) continue;
    const a = Number(m.groups.a);
    const b = Number(m.groups.b);
    let y = Number(m.groups.y);
    if (y < 100) y += 2000;
    let date: string | null;
    if (a > 12) date = iso(y, b, a);
    else if (b > 12) date = iso(y, a, b);
    else {
      date = iso(y, a, b);
      if (a !== b) warnings.push(`Date "${m.text}" is ambiguous; read month-first as ${date}`);
    }
    if (date) cands.push({ start: m.start, date });
  }
  cands.sort((x, y) => x.start - y.start);
  return cands[0]?.date ?? null;
}

function findTimeRequirement(view: TextView): string | null {
  const s = view.lower;
  const m = findAll(TIME_REQ_RE, s)[0];
  if (m) {
    const { a, b, min } = m.groups;
    const range = b !== undefined ? `${a}-${b}` : `${a}`;
    const prefix = min ? (/^(?:up|max)/u.test(min) ? "up to " : "at least ") : "";
    return `${prefix}${range} hours/week`;
  }
  const fp = findAll(FULL_PART_RE, s)[0];
  if (fp) return fp.groups.k === "full" ? "Full-time" : "Part-time";
  return null;
}

export function extractDuration(view: TextView, now?: Date): DurationResult {
  const warnings: string[] = [];
  const duration = findDuration(view);
  const deadline = findDeadline(view, now, warnings);
  const timeRequirement = findTimeRequirement(view);
  return {
    projectDuration: duration?.value ?? null,
    deadline,
    timeRequirement,
    confidence: {
      projectDuration: duration?.confidence ?? 0,
      deadline: deadline ? 0.85 : 0,
      timeRequirement: timeRequirement ? 0.8 : 0,
    },
    warnings,
  };
}
