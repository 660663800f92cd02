/**
 * Countries where applicants must be, as ISO 3166-1 alpha-2 codes, in order of first mention.
 *
 * Sources: a labelled list ("Countries: MX, CO, AR, BR", "Location: India", "Standort: Deutschland"); country
 * names and aliases in English and the main European languages ("the Philippines", "UAE", "Deutschland",
 * "Brasil"); capital short forms ("US", "U.S.", "UK", "USA"); demonyms before a residence word ("Canadian
 * resident"); capital code lists after a residence cue ("based in US/CA").
 * Skipped: locale qualifiers ("US English"), time-zone mentions ("US hours"), where the data comes from
 * ("satellite tiles over Nairobi, Kenya"), where the company is ("a US-based startup"), ambiguous names
 * without a residence cue ("Georgia", "Jordan", "turkey"), and names inside language phrases
 * ("Bahasa Indonesia"). Regions ("LATAM", "EU") and "worldwide" are reported in warnings only.
 */
import { L, alt, altLiteral, findAll, foldString, labelledSpans, overlaps, sentenceAt, wordRe } from "./text.js";
import type { Span, TextView } from "./text.js";
import {
  AMBIGUOUS_COUNTRY_WORDS,
  COUNTRY_ALIASES,
  COUNTRY_NAMES,
  COUNTRY_UPPERCASE_ALIASES,
  DEMONYMS,
  REGION_WORDS,
  UNMATCHED_COUNTRY_NAMES,
  WORLDWIDE_WORDS,
} from "./vocab/countries.js";
import { LANGUAGES } from "./vocab/languages.js";

export interface CountriesResult {
  countries: string[];
  confidence: number;
  warnings: string[];
}

const BY_NAME = new Map<string, string>();
for (const [code, name] of Object.entries(COUNTRY_NAMES)) {
  const f = foldString(name);
  if (!UNMATCHED_COUNTRY_NAMES.has(f)) BY_NAME.set(f, code);
}
for (const [code, aliases] of Object.entries(COUNTRY_ALIASES))
  for (const a of aliases) BY_NAME.set(foldString(a), code);

const valid = new Set(Object.keys(COUNTRY_NAMES));
const LANGUAGE_WORDS = new Set<string>();
for (const e of LANGUAGES) for (const a of [e.name, ...(e.aliases ?? [])]) LANGUAGE_WORDS.add(foldString(a));

const NAME_RE = wordRe(altLiteral(BY_NAME.keys()));
const UPPER_RE = new RegExp(
  `(?<![${L}0-9.])(?:${altLiteral(Object.keys(COUNTRY_UPPERCASE_ALIASES))})(?![${L}0-9])`,
  "g",
);
const RESIDENT_WORD_RE = wordRe("residents?|citizens?|nationals?|passport holders?");
const DEMONYM_BEFORE = new RegExp(`(?<![${L}])(${altLiteral(Object.keys(DEMONYMS))}) $`);
const CODE_LIST_RE = wordRe("[A-Z]{2}(?:\\s*[/,&+|]\\s*[A-Z]{2})*");
const REGION_RE = wordRe(altLiteral(REGION_WORDS.filter((r) => r !== "eu")));
const WORLDWIDE_RE = wordRe(altLiteral(WORLDWIDE_WORDS));
const EU_RE = wordRe("EU");
const MASK_RE = wordRe(
  alt([
    "bahasa indonesia",
    "bahasa malaysia",
    "new mexico",
    "new jersey",
    "new south wales",
    "new guinea pig",
    "guinea pigs?",
    "indian ocean",
    "british columbia",
    "latin america",
    "south america",
    "north america",
    "central america",
  ]),
);

const RESIDENCE_BEFORE =
  /(?<![\p{L}])(?:based in|located in|living in|live in|lives in|reside in|residing in|resident in|residents of|resident of|citizens of|nationals of|from|in|within|countries|country|location|only)\s*:?\s*(?:the\s+)?$/u;
const RESIDENCE_ANYWHERE =
  /(?:based|located|living|live|resid|citizens?|nationals?|applicants|candidates|annotators|workers|open to|only|eligible|must be in|remote from)/u;
const DATA_PLACE_BEFORE =
  /(?<![\p{L}])(?:over|covering|taken in|captured in|collected in|recorded in|shot in|filmed in|imagery of|images of|photos of|footage from|streets of|farms in|cities in)\s+(?:[\p{L}.' -]+,\s*)?$/u;
const COMPANY_BEFORE =
  /(?<![\p{L}])(?:headquartered|hq|incorporated|registered|founded|our (?:office|company|team|headquarters|offices)(?: is| are)?(?: based| located)?)\s+in\s+(?:the\s+)?$/u;
const COMPANY_AFTER = /^-?\s?based (?:company|startup|start-up|team|client|lab|firm|business|organi[sz]ation|agency)/u;
const TIME_AFTER =
  /^\s*(?:time|timezones?|time zones?|hours|business hours|working hours|eastern|pacific|central|mountain|holidays)/u;
/** "Saudi or Emirati dialect", "Mexico accent": the place qualifies a dialect, it is not a residence rule. */
const DIALECT_AFTER = /^(?:[\p{L}\s,/&-]{0,25})\b(?:dialects?|accents?)\b/u;
const SHOUT_CONTEXT_BEFORE = /(?<![\p{L}])(?:in|from|the|within|across|to)\s+$/u;
const SHOUT_CONTEXT_AFTER = /^(?:-based|\s+(?:only|residents?|citizens?|nationals?|based))/u;
const COUNTRY_LABELS =
  "countries|country|locations?|location requirements?|regions?|based in|eligible countries|eligible locations|standort|ubicacion|pais(?:es)?|pays|localizacao|localizacion|paese|sede";

function nextWordIsLanguage(after: string): boolean {
  const w = /^\s+([\p{L}]+)/u.exec(after)?.[1];
  return w !== undefined && LANGUAGE_WORDS.has(w);
}

export function extractCountries(view: TextView, languageSpans: readonly Span[] = []): CountriesResult {
  const { lower, raw } = view;
  const hits: { code: string; start: number; confidence: number }[] = [];
  const warnings: string[] = [];
  const masks: Span[] = [...languageSpans, ...findAll(MASK_RE, lower)];

  // labelled lists (codes allowed in any case there)
  const labelled = labelledSpans(view, COUNTRY_LABELS);
  for (const span of labelled) {
    const text = lower.slice(span.start, span.end);
    let offset = 0;
    for (const item of text.split(/[,;/&+|]|\band\b|\bor\b|\bund\b|\by\b|\bet\b|\bo\b|\bou\b/u)) {
      const t = item
        .trim()
        .replace(/\(.*?\)|[().]/g, "")
        .trim();
      const code = BY_NAME.get(t) ?? (valid.has(t.toUpperCase()) && t.length === 2 ? t.toUpperCase() : undefined);
      if (code) hits.push({ code, start: span.start + offset, confidence: 0.95 });
      offset += item.length + 1;
    }
    masks.push(span);
  }

  // names and aliases
  for (const m of findAll(NAME_RE, lower)) {
    if (overlaps(m, masks)) continue;
    const code = BY_NAME.get(m.text);
    if (!code) continue;
    const sent = sentenceAt(view, m.start);
    const before = lower.slice(Math.max(sent.start, m.start - 50), m.start);
    const after = lower.slice(m.end, Math.min(sent.end, m.end + 40));
    if (DATA_PLACE_BEFORE.test(before) || COMPANY_BEFORE.test(before) || COMPANY_AFTER.test(after)) continue;
    if (TIME_AFTER.test(after) || nextWordIsLanguage(after)) continue;
    const cue = RESIDENCE_BEFORE.test(before);
    if (!cue && DIALECT_AFTER.test(after)) continue;
    if (AMBIGUOUS_COUNTRY_WORDS.has(m.text)) {
      if (!cue) continue;
      if (!view.shouting && !view.caseless && !/\p{Lu}/u.test(raw[m.start] as string)) continue;
    }
    const sentence = lower.slice(sent.start, sent.end);
    hits.push({ code, start: m.start, confidence: cue || RESIDENCE_ANYWHERE.test(sentence) ? 0.9 : 0.75 });
  }

  // capital short forms: US, U.S., UK, USA, UAE
  for (const m of findAll(UPPER_RE, raw)) {
    if (overlaps(m, masks)) continue;
    const code = COUNTRY_UPPERCASE_ALIASES[m.text];
    if (!code) continue;
    const sent = sentenceAt(view, m.start);
    const before = lower.slice(Math.max(sent.start, m.start - 50), m.start);
    const after = lower.slice(m.end, Math.min(sent.end, m.end + 40));
    if (COMPANY_BEFORE.test(before) || COMPANY_AFTER.test(after) || TIME_AFTER.test(after)) continue;
    if (nextWordIsLanguage(after)) continue;
    if (view.shouting && !SHOUT_CONTEXT_BEFORE.test(before) && !SHOUT_CONTEXT_AFTER.test(after)) continue;
    hits.push({ code, start: m.start, confidence: 0.85 });
  }

  // demonyms before a residence word
  for (const r of findAll(RESIDENT_WORD_RE, lower)) {
    const d = DEMONYM_BEFORE.exec(lower.slice(Math.max(0, r.start - 16), r.start));
    if (!d) continue;
    const m = { start: r.start - (d[0] as string).length, end: r.end };
    const code = DEMONYMS[d[1] as string];
    if (code && !overlaps(m, masks)) hits.push({ code, start: m.start, confidence: 0.85 });
  }

  // capital code lists after a residence cue: "based in US/CA"
  for (const m of findAll(CODE_LIST_RE, raw)) {
    if (overlaps(m, masks) || overlaps(m, labelled)) continue;
    const codes = m.text.split(/\s*[/,&+|]\s*/u).map((c) => (c === "UK" ? "GB" : c));
    if (
      codes.length < 2 &&
      !/(?:based|located|living|resid[\p{L}]*) in\s+$/u.test(lower.slice(Math.max(0, m.start - 30), m.start))
    )
      continue;
    if (!codes.every((c) => valid.has(c))) continue;
    const sent = sentenceAt(view, m.start);
    const anchored = codes.length >= 2 && m.text.split(/\s*[/,&+|]\s*/u).some((c) => COUNTRY_UPPERCASE_ALIASES[c]);
    if (
      !anchored &&
      !/(?<![\p{L}])(?:based|located|living|resid[\p{L}]*|countr[\p{L}]*|location|citizens|from)\s*(?:in\s*)?[:(]?\s*$/u.test(
        lower.slice(sent.start, m.start),
      )
    )
      continue;
    codes.forEach((c, i) => hits.push({ code: c, start: m.start + i, confidence: 0.8 }));
  }

  hits.sort((a, b) => a.start - b.start);
  const countries: string[] = [];
  let confidence = 0;
  for (const h of hits) {
    if (!countries.includes(h.code)) countries.push(h.code);
    confidence = Math.max(confidence, h.confidence);
  }

  const regions = new Set(findAll(REGION_RE, lower).map((m) => m.text));
  for (const m of findAll(EU_RE, raw)) regions.add(m.text);
  if (regions.size > 0)
    warnings.push(
      `Region(s) mentioned (${[...regions].join(", ")}): not expanded to countries; set countries explicitly`,
    );
  if (countries.length === 0 && findAll(WORLDWIDE_RE, lower).length > 0)
    warnings.push("Open worldwide: countries left empty (empty means anywhere)");
  return { countries, confidence, warnings };
}
