/**
 * Data volume and unit.
 *
 * Units:
 *  - HOURS_OF_RECORDING_AUDIO_VIDEO: "500 hours of audio", "100 hrs of podcasts", "200 horas de áudio";
 *    minutes of recordings are converted to hours ("300 minutes of audio" → 5, with a warning);
 *  - NUMBER_OF_WORDS: "1.2M words", "250,000 words";
 *  - NUMBER_OF_FILES: any count of discrete data items — images, videos, clips, documents, receipts, posts,
 *    tweets, reviews, conversations, utterances, prompts… ("20,000 social posts" → 20000 files), also
 *    written after the noun in parentheses ("product imgs (approx 30k)").
 * Not data volume: labels drawn on the data ("400,000 polygons", "17 keypoints"), per-item or per-person
 * quantities ("40 boxes per img", "each participant records 1 hour", "record yourself reading 300 phrases"),
 * durations of single items ("2 minutes long", "~90 min each"), rates ("200 images per day") and item
 * counts below 50 (usually describe one item, e.g. "2–3 sentences"). When several remain, hours beat
 * words, words beat files, and within a unit the largest figure wins (a total rather than a part).
 */
import { COUNT_SOURCE, countValue, findAtNumbers } from "./numbers.js";
import { alt, findAll, sentenceAt, wordRe, type TextView } from "./text.js";
import { FILE_NOUNS, PERSON_NOUNS, RECORDING_NOUNS, WORD_NOUNS } from "./vocab/nouns.js";

const PERSON_NOUN_RE = new RegExp(`^(?:${alt(PERSON_NOUNS)})$`);
const WORD_NOUN_RE = new RegExp(`^(?:${alt(WORD_NOUNS)})$`);

export type DataVolumeUnit = "HOURS_OF_RECORDING_AUDIO_VIDEO" | "NUMBER_OF_FILES" | "NUMBER_OF_WORDS";

export interface VolumeResult {
  volume: number | null;
  unit: DataVolumeUnit | null;
  /** The counted noun ("images", "audio"), which hints at the data type. */
  noun: string | null;
  confidence: number;
  warnings: string[];
}

const MODS = String.raw`(?<mods>(?:(?!per |each |of |in |for |with |to |from )[\p{L}][\p{L}'./-]*\s+){0,4}?)`;
const ITEM_RE = wordRe(
  `(?<count>${COUNT_SOURCE})(?:\\s*\\+)?\\s+${MODS}(?<noun>${alt([...WORD_NOUNS, ...FILE_NOUNS])})`,
  "y",
);
const TIME_RE = wordRe(
  `(?<count>${COUNT_SOURCE})(?:\\s*\\+)?\\s*(?<unit>hours?|hrs?|h|horas|stunden|heures|ore|uur|minutes?|mins?)\\s+(?:(?:of|de|d'|di)\\s+)?(?<mods>(?:(?!per |each )[\\p{L}(][\\p{L}')./-]*\\s+){0,4}?)(?<noun>${alt([...RECORDING_NOUNS, "audio", "video", "audios", "videos", "gravacoes", "grabaciones", "aufnahmen"])})`,
  "y",
);
const AFTER_NOUN_RE = wordRe(
  `(?<noun>${alt(FILE_NOUNS)})\\s*\\(\\s*(?:approx\\.?|approximately|about|around|~|ca\\.?|roughly)?\\s*(?<count>${COUNT_SOURCE})\\s*\\)`,
);
const CORPUS_RE = wordRe(
  `(?:corpus|dataset|data set) (?:size|of)\\s*[:=]?\\s*(?:~|about|approx\\.?)?\\s*(?<count>${COUNT_SOURCE})\\s+(?<noun>${alt(WORD_NOUNS)})?`,
);
const PER_AFTER =
  /^\s*(?:per|each|a|an|every|\/)\s*(?:day|hour|hr|week|month|annotator|person|participant|image|img|page|file|clip|video|task|item|document|recording|sentence|speaker)\b/u;
const EACH_AFTER = /^\s*(?:each|apiece|long|per\b)/u;
const PERSONAL_SENTENCE =
  /(?:yourself|each participant|per participant|every participant|each annotator|per annotator|per person|each person|each contributor|per contributor|each speaker|per speaker)/u;
const BLOCK_BEFORE = /(?<![\p{L}])(?:per|each|every|than|up to|aged|age)\s+$/u;

interface Cand {
  value: number;
  unit: DataVolumeUnit;
  start: number;
  noun: string;
  /** Matched by the generic plural-noun fallback (weaker). */
  generic?: boolean;
  note?: string;
}

/**
 * Fallback for data nouns missing from the vocabulary ("5k discharge summaries", "20,000 HITs", "2,500
 * product listings", "4.000 radiografías"): a count of at least 50 before a plural word, in a sentence that
 * asks for data work, when the word is not a person, a time or money unit, or a label drawn on the data.
 */
const GENERIC_RE = wordRe(`(?<count>${COUNT_SOURCE})(?:\\s*\\+)?\\s+${MODS}(?<noun>[\\p{L}][\\p{L}-]{2,}s)`, "y");
const NOT_DATA =
  /^(?:hours|hrs|minutes|mins|seconds|secs|days|weeks|months|years|yrs|dollars|euros|cents|pounds|rupees|reais|pesos|usd|eur|boxes|bboxes|polygons|polylines|keypoints|points|labels|annotations|tags|categories|classes|topics|intents|attributes|fields|entities|cuboids|masks|objects|features|segments|users|customers|people|employees|countries|languages|members|followers|downloads|installs|tokens|characters|pixels|meters|metres|kms|miles|percent|times|steps|levels|rounds|sessions|ages|openings|positions|seats|slots|roles|participants|annotators|speakers|workers|persons|applicants|candidates)$/u;
const WORK_VERB =
  /(?:label|annotat|tag|classif|clasific|transcri|review|rate|rating|assign|coding|segment|draw|mark|categori|translat|evaluat|judg|check|verif|correct|etiquet|moderat|caption|extract|summari|post|process|listen|watch|read)/u;

function personal(view: TextView, pos: number): boolean {
  const sent = sentenceAt(view, pos);
  return PERSONAL_SENTENCE.test(view.lower.slice(sent.start, sent.end));
}

export function extractVolume(view: TextView): VolumeResult {
  const s = view.lower;
  const cands: Cand[] = [];

  for (const m of findAtNumbers(TIME_RE, view)) {
    if (personal(view, m.start)) continue;
    const after = s.slice(m.end, m.end + 30);
    if (PER_AFTER.test(after)) continue;
    const before = s.slice(Math.max(0, m.start - 12), m.start);
    if (BLOCK_BEFORE.test(before)) continue;
    const n = countValue(m.groups);
    if (n === null) continue;
    const minutes = /^min/u.test(m.groups.unit ?? "");
    cands.push({
      value: minutes ? Math.round((n / 60) * 100) / 100 : n,
      unit: "HOURS_OF_RECORDING_AUDIO_VIDEO",
      start: m.start,
      noun: m.groups.noun ?? "audio",
      note: minutes
        ? `"${view.original.slice(m.start, m.end)}" converted to ${Math.round((n / 60) * 100) / 100} hours`
        : undefined,
    });
  }

  const items = [...findAtNumbers(ITEM_RE, view), ...findAll(AFTER_NOUN_RE, s), ...findAll(CORPUS_RE, s)];
  for (const m of items) {
    if (personal(view, m.start)) continue;
    const before = s.slice(Math.max(0, m.start - 12), m.start);
    if (BLOCK_BEFORE.test(before)) continue;
    const after = s.slice(m.end, m.end + 30);
    if (PER_AFTER.test(after) || EACH_AFTER.test(after)) continue;
    const n = countValue(m.groups);
    if (n === null || n < 1) continue;
    const noun = m.groups.noun ?? "words";
    const unit: DataVolumeUnit = WORD_NOUN_RE.test(noun) ? "NUMBER_OF_WORDS" : "NUMBER_OF_FILES";
    if (n < 50 && unit === "NUMBER_OF_FILES") continue;
    if (unit === "NUMBER_OF_WORDS" && n < 100) continue;
    cands.push({ value: n, unit, start: m.start, noun });
  }

  if (cands.length === 0) {
    for (const m of findAtNumbers(GENERIC_RE, view)) {
      const noun = m.groups.noun ?? "";
      if (NOT_DATA.test(noun) || PERSON_NOUN_RE.test(noun)) continue;
      if (personal(view, m.start)) continue;
      const sent = sentenceAt(view, m.start);
      if (m.end > sent.end || !WORK_VERB.test(s.slice(sent.start, sent.end))) continue;
      if (BLOCK_BEFORE.test(s.slice(Math.max(0, m.start - 12), m.start))) continue;
      if (PER_AFTER.test(s.slice(m.end, m.end + 30)) || EACH_AFTER.test(s.slice(m.end, m.end + 30))) continue;
      const n = countValue(m.groups);
      if (n === null || n < 50) continue;
      cands.push({ value: n, unit: "NUMBER_OF_FILES", start: m.start, noun, generic: true });
      break;
    }
  }

  if (cands.length === 0) return { volume: null, unit: null, noun: null, confidence: 0, warnings: [] };
  const rank: Record<DataVolumeUnit, number> = {
    HOURS_OF_RECORDING_AUDIO_VIDEO: 3,
    NUMBER_OF_WORDS: 2,
    NUMBER_OF_FILES: 1,
  };
  cands.sort((a, b) => rank[b.unit] - rank[a.unit] || b.value - a.value || a.start - b.start);
  const best = cands[0] as Cand;
  const warnings = best.note ? [best.note] : [];
  const distinct = new Set(cands.filter((c) => c.unit === best.unit).map((c) => c.value));
  return {
    volume: best.value,
    unit: best.unit,
    noun: best.noun,
    confidence: best.generic ? 0.6 : distinct.size > 1 ? 0.7 : 0.85,
    warnings,
  };
}
