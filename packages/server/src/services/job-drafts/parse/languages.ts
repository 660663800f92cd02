/**
 * Languages required by the job, as display names ("Spanish"), in order of first mention.
 *
 * Sources, strongest first:
 *  - a labelled list: "Languages: ES, PT", "Language: German";
 *  - sign languages: "German Sign Language", "ASL" (kept whole, so "German" inside does not count);
 *  - locale codes: "nl-NL", "pt_BR", "es-MX" (region part in capitals);
 *  - lists of capital ISO 639-1 codes: "FR/DE", "(EN/ES/PT)" — only when every item is a language code and
 *    the sentence is not about where people live (then they are country codes);
 *  - names, dialect names, endonyms and foreign names: "native Spanish speakers", "fluent in German",
 *    "Brazilian Portuguese" → Portuguese, "Flemish" → Dutch, "Mandarin" → Chinese, "español", "Deutschkenntnisse".
 * Skipped: negated mentions ("Portuguese is not required"), ambiguous words without a language cue ("polish
 * the text"), "guidelines are provided in English", nationality uses ("German residents").
 */
import {
  alt,
  altLiteral,
  findAll,
  foldString,
  labelledSpans,
  overlaps,
  sentenceAt,
  titleCase,
  wordRe,
  type Span,
  type TextView,
} from "./text.js";
import { COUNTRY_NAMES, DEMONYMS } from "./vocab/countries.js";
import { LANGUAGES, LANGUAGE_CUES, SIGN_LANGUAGES, type LanguageEntry } from "./vocab/languages.js";

export interface LanguagesResult {
  languages: string[];
  confidence: number;
  warnings: string[];
  /** Spans of language phrases (other extractors must not read country names inside them). */
  spans: Span[];
}

interface Hit {
  name: string;
  start: number;
  confidence: number;
}

const BY_ALIAS = new Map<string, LanguageEntry>();
const BY_CODE = new Map<string, string>();
for (const e of LANGUAGES) {
  if (e.code) BY_CODE.set(e.code, e.name);
  if (e.match === "code-only") continue;
  for (const a of [e.name, ...(e.aliases ?? [])]) BY_ALIAS.set(foldString(a), e);
}
const COUNTRY_CODES = new Set(Object.keys(COUNTRY_NAMES));

const NAME_RE = wordRe(altLiteral(BY_ALIAS.keys()));
const CUE_RE = new RegExp(alt(LANGUAGE_CUES), "u");
const SIGN_RE = wordRe("sign language");
const TWO_WORDS_BEFORE = /(?:[\p{L}]+ )?[\p{L}]+ $/u;
const SIGN_ABBR_RE = wordRe(Object.keys(SIGN_LANGUAGES).join("|"), "g");
const LOCALE_RE = wordRe("([A-Za-z]{2})[-_]([A-Z]{2})");
const CODE_LIST_RE = wordRe("[A-Z]{2}(?:\\s*[/,&+|]\\s*[A-Z]{2})+");
const COUNTRY_CUE_BEFORE =
  /(?<![\p{L}])(?:based|located|living|resid[\p{L}]*|countr[\p{L}]*|location|citizens|from|in)\s*[:(]?\s*$/u;
const NEGATED_AFTER = /^\s*(?:is|are)?\s*(?:not|n't)\s+(?:required|needed|necessary|a requirement|mandatory|a must)/u;
const NEGATED_BEFORE = /(?:\bno|\bnot|without)\s+(?:[\p{L}]+\s+)?$/u;
const MEDIUM_BEFORE =
  /(?<![\p{L}])(?:guidelines|instructions|documentation|training materials?|communication|support|interface|ui|platform|website)\s+(?:are\s+|is\s+|will be\s+)?(?:provided\s+|written\s+|available\s+|given\s+|conducted\s+)?in\s+$/u;
const NATIONALITY_AFTER =
  /^\s*(?:residents?|citizens?|nationals?|passport|companies|company|government|market|law|tax|id\b|bank)/u;
const LIST_NEIGHBOUR = new RegExp(
  String.raw`(?:^\s*(?:,|/|&|and|or|und|y|e|et|o)\s*(?:${altLiteral(BY_ALIAS.keys())})(?![\p{L}]))|(?:(?:${altLiteral(BY_ALIAS.keys())})\s*(?:,|/|&|and|or|und|y|e|et|o)\s*$)`,
  "u",
);
const LABELS =
  "languages?|language requirements?|required languages?|locales?|idiomas?|sprachen?|langues?|lingue|linguas?";

function signName(adj: string): string | null {
  const words = adj.split(" ");
  for (let k = Math.min(2, words.length); k >= 1; k--) {
    const a = words.slice(words.length - k).join(" ");
    if (BY_ALIAS.has(a) || DEMONYMS[a] || ["international", "indian", "american", "australian"].includes(a))
      return `${titleCase(a)} Sign Language`;
  }
  return null;
}

function itemName(item: string): string | null {
  const t = item.trim().replace(/[().]/g, "").trim();
  if (!t) return null;
  const folded = foldString(t);
  const e = BY_ALIAS.get(folded);
  if (e) return e.name;
  const code = /^([a-z]{2})(?:[-_][a-z]{2})?$/i.exec(t);
  if (code) return BY_CODE.get((code[1] as string).toLowerCase()) ?? null;
  return null;
}

export function extractLanguages(view: TextView): LanguagesResult {
  const { lower, raw } = view;
  const hits: Hit[] = [];
  const spans: Span[] = [];
  const mixedCase = !view.shouting && !view.caseless;

  // sign languages
  for (const m of findAll(SIGN_RE, lower)) {
    const adj = TWO_WORDS_BEFORE.exec(lower.slice(Math.max(0, m.start - 40), m.start))?.[0];
    const name = adj ? signName(adj.trim()) : null;
    if (name && adj) {
      hits.push({ name, start: m.start - adj.length, confidence: 0.9 });
      spans.push({ start: m.start - adj.length, end: m.end });
    }
  }
  for (const m of findAll(SIGN_ABBR_RE, raw)) {
    const name = SIGN_LANGUAGES[m.text];
    if (name) {
      hits.push({ name, start: m.start, confidence: 0.8 });
      spans.push(m);
    }
  }

  // labelled lists
  const labelled = labelledSpans(view, LABELS);
  for (const span of labelled) {
    const text = raw.slice(span.start, span.end);
    let offset = 0;
    for (const item of text.split(/[,;/&+|]|\band\b|\bor\b|\bund\b|\by\b|\bet\b/u)) {
      const name = itemName(item);
      if (name) hits.push({ name, start: span.start + offset, confidence: 0.95 });
      offset += item.length + 1;
    }
    spans.push(span);
  }

  // locale codes
  for (const m of findAll(LOCALE_RE, raw)) {
    const lang = (m.m[1] as string).toLowerCase();
    const region = m.m[2] as string;
    const name = BY_CODE.get(lang);
    if (name && COUNTRY_CODES.has(region) && !overlaps(m, labelled)) {
      hits.push({ name, start: m.start, confidence: 0.8 });
      spans.push(m);
    }
  }

  // capital code lists: "FR/DE", "EN/ES/PT"
  for (const m of findAll(CODE_LIST_RE, raw)) {
    if (overlaps(m, labelled)) continue;
    const codes = m.text.split(/\s*[/,&+|]\s*/u);
    const names = codes.map((c) => BY_CODE.get(c.toLowerCase()));
    if (names.some((n) => !n)) continue;
    const sent = sentenceAt(view, m.start);
    if (COUNTRY_CUE_BEFORE.test(lower.slice(sent.start, m.start))) continue;
    codes.forEach((_, i) => hits.push({ name: names[i] as string, start: m.start + i, confidence: 0.8 }));
    spans.push(m);
  }

  // names
  for (const m of findAll(NAME_RE, lower)) {
    if (overlaps(m, spans)) continue;
    const entry = BY_ALIAS.get(m.text);
    if (!entry) continue;
    const sent = sentenceAt(view, m.start);
    const before = lower.slice(Math.max(sent.start, m.start - 60), m.start);
    const after = lower.slice(m.end, Math.min(sent.end, m.end + 60));
    if (NEGATED_AFTER.test(after) || NEGATED_BEFORE.test(before)) continue;
    if (MEDIUM_BEFORE.test(before)) continue;
    const inList = LIST_NEIGHBOUR.test(after.slice(0, 30)) || LIST_NEIGHBOUR.test(before.slice(-30));
    const cue = CUE_RE.test(lower.slice(Math.max(sent.start, m.start - 40), Math.min(sent.end, m.end + 40)));
    if (NATIONALITY_AFTER.test(after) && !cue) continue;
    if (entry.match === "context") {
      const capital = /\p{Lu}/u.test(raw[m.start] as string);
      if (mixedCase && !capital) continue;
      if (!cue && !inList) continue;
    }
    hits.push({ name: entry.name, start: m.start, confidence: entry.match === "context" ? 0.75 : 0.9 });
    spans.push(m);
  }

  hits.sort((a, b) => a.start - b.start);
  const languages: string[] = [];
  let confidence = 0;
  for (const h of hits) {
    if (!languages.includes(h.name)) languages.push(h.name);
    confidence = Math.max(confidence, h.confidence);
  }
  return { languages, confidence, warnings: [], spans };
}
