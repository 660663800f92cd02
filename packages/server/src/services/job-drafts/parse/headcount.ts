/**
 * Headcount: how many people to hire.
 *
 *  - labelled: "Headcount: 25", "Openings: 10", "Positions: 4", "Team size: 8", "10 openings/positions/seats";
 *  - a count before up to four modifier words and a person noun: "ten experienced annotators",
 *    "5 fluent speakers", "6 board-certified radiologists", "8 hablantes nativos", "20 ppl";
 *  - "team of 12 …";
 *  - "someone" / "a single annotator" after a hiring verb → 1.
 * A range ("3-5 annotators") gives the upper figure (the number of openings). Ignored: counts after
 * "per/each/every/between/by/over", implausible counts (> 5000, "used by 2 million people") and "speakers"
 * that are voices in a recording ("2 speakers per clip"). "N per language" is reported as a warning because
 * the total depends on how many languages are meant. Labelled values and counts after a hiring verb
 * ("we need", "hiring", "looking for") beat bare counts; otherwise the first count wins.
 */
import { COUNT_SOURCE, countValue, findAtNumbers } from "./numbers.js";
import { alt, findAll, sentenceAt, wordRe, type TextView } from "./text.js";
import { PERSON_NOUNS } from "./vocab/nouns.js";

export interface HeadcountResult {
  headcount: number | null;
  confidence: number;
  warnings: string[];
}

const PERSON = alt(PERSON_NOUNS);
const COUNT_NOUN_RE = wordRe(
  `(?<count>${COUNT_SOURCE})(?:\\s*\\+)?(?:\\s*(?:-|to|–)\\s*(?<hi>\\d+))?\\s+(?<mods>(?:(?!(?:per|each|of|in|for|with|to|from|as|years?|yrs?|months?|weeks?|days?|hours?|hrs?)\\s)[\\p{L}][\\p{L}'-]*\\s+){0,4}?)(?<noun>${PERSON})`,
  "y",
);
const LABEL_RE = wordRe(
  `(?:headcount|head count|openings|positions|seats|slots|vacancies|number of (?:annotators|workers|people|positions|hires|labell?ers|contributors)|team size|hires|plazas|vagas|stellen)\\s*[:=]\\s*(?<n>\\d+)`,
);
const OPENINGS_RE = wordRe(`(?<n>\\d+)\\s+(?:open )?(?:openings|positions|seats|slots|vacancies|roles)`, "y");
const TEAM_RE = wordRe(`team of (?<count>${COUNT_SOURCE})`);
const SOMEONE_RE = wordRe(
  `(?:need|needed|hire|hiring|looking for|seeking|searching for)\\s+(?:someone|somebody|one person|a single (?:[\\p{L}-]+ ){0,2}(?:${PERSON})|an? (?:[\\p{L}-]+ ){0,3}?(?:freelancer|annotator|labell?er|transcriber|translator|linguist|specialist|expert|writer|reviewer|rater|contractor)(?!s))`,
);
const HIRE_CUE =
  /(?:need|needed|hire|hiring|looking for|seeking|searching for|recruit[\p{L}]*|open to|want|buscamos|procuramos|cerchiamo|wir suchen|nous recherchons|recherchons|we are seeking|team of)\b/u;
const BLOCK_BEFORE =
  /(?<![\p{L}])(?:per|each|every|between|by|over|among|of the|top|than|aged|age|with)\s+(?:up to\s+)?$/u;
const VOICE_AFTER = /^\s*(?:per|in each|in every|each)\s+(?:recording|clip|conversation|call|file|audio|dialogue)/u;

export function extractHeadcount(view: TextView): HeadcountResult {
  const s = view.lower;
  const warnings: string[] = [];
  const cands: { n: number; start: number; strength: number }[] = [];

  for (const m of findAll(LABEL_RE, s)) cands.push({ n: Number(m.groups.n), start: m.start, strength: 3 });
  for (const m of findAtNumbers(OPENINGS_RE, view))
    cands.push({ n: Number(m.groups.n), start: m.start, strength: 2.5 });
  for (const m of findAll(TEAM_RE, s)) {
    const n = countValue(m.groups);
    if (n !== null) cands.push({ n, start: m.start, strength: 2.2 });
  }
  for (const m of findAtNumbers(COUNT_NOUN_RE, view)) {
    const sent = sentenceAt(view, m.start);
    if (m.end > sent.end) continue;
    const before = s.slice(Math.max(sent.start, m.start - 30), m.start);
    if (BLOCK_BEFORE.test(before)) continue;
    const after = s.slice(m.end, Math.min(sent.end, m.end + 40));
    if (/speakers?$/u.test(m.groups.noun ?? "") && VOICE_AFTER.test(after)) continue;
    let n = countValue(m.groups);
    if (n === null || !Number.isInteger(n)) continue;
    if (m.groups.hi !== undefined) {
      const hi = Number(m.groups.hi);
      if (hi > n) {
        warnings.push(`Headcount given as a range (${n}-${hi}): set to the upper figure ${hi}`);
        n = hi;
      }
    }
    if (/^\s*per (?:language|locale|country|dialect|team)/u.test(after)) {
      warnings.push(
        `Headcount "${n} per ${/per (\p{L}+)/u.exec(after)?.[1]}": set to ${n}; multiply by the number of groups`,
      );
    }
    const cue = HIRE_CUE.test(s.slice(sent.start, m.start));
    cands.push({ n, start: m.start, strength: cue ? 2 : 1.5 });
  }
  for (const m of findAll(SOMEONE_RE, s)) cands.push({ n: 1, start: m.start, strength: 1 });

  const ok = cands.filter((c) => c.n >= 1 && c.n <= 5000);
  if (ok.length === 0) return { headcount: null, confidence: 0, warnings };
  ok.sort((a, b) => b.strength - a.strength || a.start - b.start);
  const best = ok[0] as (typeof ok)[number];
  const conf = best.strength >= 3 ? 0.95 : best.strength >= 2 ? 0.85 : best.strength >= 1.5 ? 0.7 : 0.55;
  return { headcount: best.n, confidence: conf, warnings };
}
