/**
 * Numbers as written in job posts: "1,200", "1.200" (German/Italian thousands), "16,50" (decimal comma),
 * "2 000" (French thousands), "1.2k", "1.2M", "20 thousand", and English number words ("ten", "twenty-five").
 */
import { L, altLiteral, type Match, type TextView } from "./text.js";
import { NUMBER_MULTIPLIERS, NUMBER_WORDS } from "./vocab/numbers.js";

/**
 * Source of a numeric literal, grouped digits first. Matched against the folded text; always use with
 * `(?<![\p{L}\p{N}.,])` in front to avoid starting inside another number.
 */
export const NUM_SOURCE = String.raw`\d{1,3}(?:(?:,\d{3})+|(?:\.\d{3})+|(?: \d{3})+)(?:[.,]\d{1,2})?(?!\d)|\d+(?:[.,]\d+)?`;

/** Optional multiplier right after a number: attached "k"/"m" or a spelled-out word. */
export const MULT_SOURCE = String.raw`(?:(?:k|m|mn|bn)(?![\p{L}])|\s?(?:thousand|million|millions|billion|mil|mio|tausend)(?![\p{L}]))`;

/**
 * Parses one numeric literal. Separator rules:
 *  - both "," and "." present: the last one is the decimal separator ("1,200.50", "1.200,50");
 *  - only ",": thousands when every group after it has 3 digits ("1,500"), else decimal ("16,50");
 *  - only ".": thousands when there are several dots or one dot followed by exactly 3 digits after a
 *    non-zero lead ("10.000"), else decimal ("0.012", "1.2");
 *  - spaces between 3-digit groups are thousands ("2 000").
 */
export function parseNumber(literal: string): number | null {
  let t = literal.replace(/\s/g, "");
  const comma = t.includes(",");
  const dot = t.includes(".");
  if (comma && dot) {
    t = t.lastIndexOf(",") > t.lastIndexOf(".") ? t.replace(/\./g, "").replace(",", ".") : t.replace(/,/g, "");
  } else if (comma) {
    const parts = t.split(",");
    t = parts.length > 2 || parts.slice(1).every((p) => p.length === 3) ? parts.join("") : parts.join(".");
  } else if (dot) {
    const parts = t.split(".");
    const head = parts[0] as string;
    const tail = parts[1] as string;
    if (parts.length > 2 || (tail.length === 3 && head !== "0" && head.length <= 3)) t = parts.join("");
  }
  if (!/^\d+(?:\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

export function multiplierValue(word: string | undefined): number {
  if (!word) return 1;
  return NUMBER_MULTIPLIERS[word.trim().toLowerCase()] ?? 1;
}

const UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const TEENS = [
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];

/** Source matching a spelled-out number up to "nine hundred ninety-nine", or "a dozen". */
export const NUMBER_WORD_SOURCE = (() => {
  const unit = UNITS.join("|");
  const below100 = `(?:(?:${TENS.join("|")})(?:[- ](?:${unit}))?|${TEENS.join("|")}|${unit})`;
  return `(?:(?:a |one )?dozen|(?:${unit}|a) hundred(?: (?:and )?${below100})?|${below100})`;
})();

export function parseNumberWords(s: string): number | null {
  const words = s.toLowerCase().replace(/-/g, " ").split(/\s+/).filter(Boolean);
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of words) {
    if (w === "and") continue;
    if (w === "hundred") {
      current = (current || 1) * 100;
      seen = true;
      continue;
    }
    if (w === "dozen") {
      current = (current || 1) * 12;
      seen = true;
      continue;
    }
    const v = NUMBER_WORDS[w];
    if (v === undefined) return null;
    current += v;
    seen = true;
  }
  total += current;
  return seen ? total : null;
}

/** Source for either digits (with multiplier) or number words; capture groups `n`, `mult`, `w`. */
export const COUNT_SOURCE = `(?:(?<n>${NUM_SOURCE})(?<mult>${MULT_SOURCE})?|(?<w>${NUMBER_WORD_SOURCE}))`;

/** Value of a COUNT_SOURCE match's groups. */
export function countValue(groups: Record<string, string | undefined>): number | null {
  if (groups.n !== undefined) {
    const n = parseNumber(groups.n);
    return n === null ? null : n * multiplierValue(groups.mult);
  }
  if (groups.w !== undefined) return parseNumberWords(groups.w);
  return null;
}

const NUMBER_START_RE = new RegExp(
  `(?<![${L}0-9.,])(?:[0-9]|(?:${altLiteral(Object.keys(NUMBER_WORDS).filter((w) => w !== "a" && w !== "an"))}|a dozen|a hundred|a couple)(?![${L}]))`,
  "g",
);
const startsCache = new WeakMap<TextView, number[]>();

/** Positions in `view.lower` where a count can start (a digit or a number word at a word start). */
export function numberStarts(view: TextView): number[] {
  let starts = startsCache.get(view);
  if (!starts) {
    starts = [];
    NUMBER_START_RE.lastIndex = 0;
    for (let m = NUMBER_START_RE.exec(view.lower); m !== null; m = NUMBER_START_RE.exec(view.lower)) {
      starts.push(m.index);
      NUMBER_START_RE.lastIndex = m.index + m[0].length;
    }
    startsCache.set(view, starts);
  }
  return starts;
}

/**
 * Like findAll for a regular expression that starts with a count: it is only tried at number starts
 * (`re` must be built with the sticky flag "y"). Matches do not overlap.
 */
export function findAtNumbers(re: RegExp, view: TextView): Match[] {
  const out: Match[] = [];
  const s = view.lower;
  let lastEnd = -1;
  for (const start of numberStarts(view)) {
    if (start < lastEnd) continue;
    re.lastIndex = start;
    const m = re.exec(s);
    if (!m) continue;
    out.push({ start, end: start + m[0].length, text: m[0], groups: m.groups ?? {}, m });
    lastEnd = start + m[0].length;
  }
  return out;
}
