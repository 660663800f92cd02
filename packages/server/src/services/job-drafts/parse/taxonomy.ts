/**
 * Label types, data type, category and subject matter.
 *
 * Label types: every vocabulary pattern found in the text, except inside requirement clauses ("experience
 * in translation", "background in NER", "years as a translator" describe the applicant, not the task) and
 * "already transcribed". When nothing specific is found but the post asks to label/tag/annotate, the label
 * type is "Classification" ("Data Extraction" for documents).
 *
 * Data type: weighted cue counts (vocab/data-types.ts); 3D Sensor, Medical and Geospatial win on any cue;
 * generative-AI work without other cues is Text.
 *
 * Category:
 *  1. "Generative AI & RLHF" when a label type is RLHF/SFT/red teaming/preference ranking/prompt writing/
 *     response evaluation/fact checking, or the post is about LLMs/chatbots;
 *  2. "Data Collection" when the task is recording/collecting data;
 *  3. "Transcription" for document/handwriting transcription;
 *  4. otherwise by data type: Image/Video/Audio/Text/Document/Code Annotation, 3D & LiDAR, Medical,
 *     Geospatial.
 */
import { alt, compat, findAll, findKeyed, keyed, sentenceAt, wordRe, type Span, type TextView } from "./text.js";
import {
  CATEGORY_BY_DATA_TYPE,
  CATEGORY_DATA_COLLECTION,
  CATEGORY_GENAI,
  CATEGORY_TRANSCRIPTION,
  DATA_TYPES,
  GENAI_CUES,
  VOLUME_NOUN_TYPES,
} from "./vocab/data-types.js";
import { DOMAINS } from "./vocab/domains.js";
import { GENERIC_LABELING_PATTERN, LABEL_TYPES, type LabelTypeEntry } from "./vocab/label-types.js";

export interface TaxonomyResult {
  labelTypes: string[];
  /** Entry of the first label type, for the generated title. */
  mainLabel: LabelTypeEntry | null;
  dataType: string | null;
  category: string | null;
  subjectMatter: string | null;
  confidence: { labelTypes: number; dataType: number; category: number; subjectMatter: number };
}

const LABELS = keyed(LABEL_TYPES.map((e) => [e, alt(e.patterns)] as const));
const GENERIC_RE = wordRe(GENERIC_LABELING_PATTERN);
const DATA = keyed(DATA_TYPES.map((d) => [d, alt(d.cues)] as const));
const GENAI_RE = wordRe(alt(GENAI_CUES));
const DOMAIN = keyed(DOMAINS.map((d) => [d.name, alt(d.cues)] as const));
const REQUIREMENT_RE = new RegExp(
  compat(
    String.raw`(?<![\p{L}\p{N}])(?:(?:experience|exp|background|degree|expertise|familiar(?:ity)?|knowledge|skills?|proficiency|years?|yrs)\s+(?:of|in|with|as an?)\s+|(?:erfahrung|experiencia|esperienza)\s+(?:in|en|con|mit)\s+)`,
  ),
  "g",
);
const GENAI_FAMILY = new Set(["genai"]);
const VOLUME_NOUN_RES = VOLUME_NOUN_TYPES.map(([src, name]) => ({ re: new RegExp(`^(?:${src})$`, "u"), name }));
/** Score added to the data type of the counted noun. */
const VOLUME_NOUN_BONUS = 3;
const BY_NAME = new Map(LABEL_TYPES.map((e) => [e.name, e]));

/** Spans describing applicant requirements: from a requirement cue to the end of its sentence. */
function requirementSpans(view: TextView): Span[] {
  return findAll(REQUIREMENT_RE, view.lower).map((m) => ({ start: m.start, end: sentenceAt(view, m.start).end }));
}

function inside(pos: number, spans: readonly Span[]): boolean {
  return spans.some((s) => pos >= s.start && pos < s.end);
}

export function extractTaxonomy(
  view: TextView,
  maskSpans: readonly Span[] = [],
  volumeNoun: string | null = null,
): TaxonomyResult {
  const s = view.lower;
  const req = requirementSpans(view);
  const claimed: Span[] = [...maskSpans];
  const found: { entry: LabelTypeEntry; start: number }[] = [];
  for (const m of findKeyed(LABELS, s)) {
    const entry = m.key;
    if (inside(m.start, req) || claimed.some((c) => m.start < c.end && c.start < m.end)) continue;
    if (
      entry.name === "Transcription" &&
      /(?<![\p{L}])(?:already|pre-?|previously)\s*$/u.test(s.slice(Math.max(0, m.start - 12), m.start))
    )
      continue;
    claimed.push(m);
    found.push({ entry, start: m.start });
  }

  // data type
  const scores = new Map<string, number>();
  let specialised: { name: string; start: number } | null = null;
  for (const m of findKeyed(DATA, s)) {
    if (inside(m.start, req) || maskSpans.some((c) => m.start < c.end && c.start < m.end)) continue;
    const d = m.key;
    scores.set(d.name, (scores.get(d.name) ?? 0) + d.weight);
    if (d.specialised && (!specialised || m.start < specialised.start)) specialised = { name: d.name, start: m.start };
  }
  if (volumeNoun) {
    const hint = VOLUME_NOUN_RES.find((v) => v.re.test(volumeNoun.trim()));
    if (hint) scores.set(hint.name, (scores.get(hint.name) ?? 0) + VOLUME_NOUN_BONUS);
  }
  const genai = findAll(GENAI_RE, s).length > 0 || found.some((f) => GENAI_FAMILY.has(f.entry.family));
  let dataType: string | null = null;
  let dataConfidence = 0;
  if (specialised) {
    dataType = specialised.name;
    dataConfidence = 0.85;
  } else if (scores.size > 0) {
    const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
    const top = ranked[0] as [string, number];
    const second = ranked[1]?.[1] ?? 0;
    dataType = top[0];
    if (genai && dataType !== "Code" && (scores.get("Code") ?? 0) >= 5) dataType = "Code";
    dataConfidence = top[1] >= second * 2 ? 0.85 : 0.65;
  }
  if (!dataType && genai) {
    dataType = "Text";
    dataConfidence = 0.6;
  }

  // generic labelling → Classification / Data Extraction
  if (found.length === 0) {
    const generic = findAll(GENERIC_RE, s).find(
      (m) =>
        !inside(m.start, req) &&
        !/(?<![\p{L}])(?:per|a|each|every)\s+$/u.test(s.slice(Math.max(0, m.start - 8), m.start)),
    );
    if (generic) {
      const entry = BY_NAME.get(dataType === "Document" ? "Data Extraction" : "Classification");
      if (entry) found.push({ entry, start: generic.start });
    }
  }
  found.sort((a, b) => a.start - b.start);
  const labelTypes = [...new Set(found.map((f) => f.entry.name))];
  const mainLabel = found[0]?.entry ?? null;

  // category
  let category: string | null = null;
  let categoryConfidence = 0.75;
  if (genai && (found.some((f) => GENAI_FAMILY.has(f.entry.family)) || dataType === "Text" || dataType === "Code")) {
    category = CATEGORY_GENAI;
  } else if (labelTypes.includes("Data Collection")) {
    category = CATEGORY_DATA_COLLECTION;
  } else if (dataType === "Document" && labelTypes.includes("Transcription")) {
    category = CATEGORY_TRANSCRIPTION;
  } else if (dataType) {
    category = CATEGORY_BY_DATA_TYPE[dataType] ?? null;
    categoryConfidence = dataConfidence;
  } else if (labelTypes.includes("Transcription")) {
    category = CATEGORY_TRANSCRIPTION;
    categoryConfidence = 0.6;
  }

  // subject matter
  let subjectMatter: string | null = null;
  let bestScore = 0;
  const domainCounts = new Map<string, number>();
  for (const m of findKeyed(DOMAIN, s)) domainCounts.set(m.key, (domainCounts.get(m.key) ?? 0) + 1);
  for (const { name } of DOMAINS) {
    const n = domainCounts.get(name) ?? 0;
    if (n > bestScore) {
      bestScore = n;
      subjectMatter = name;
    }
  }
  if (bestScore < 2) subjectMatter = null;

  return {
    labelTypes,
    mainLabel,
    dataType,
    category,
    subjectMatter,
    confidence: {
      labelTypes: labelTypes.length > 0 ? 0.75 : 0,
      dataType: dataConfidence,
      category: category ? categoryConfidence : 0,
      subjectMatter: subjectMatter ? 0.6 : 0,
    },
  };
}
