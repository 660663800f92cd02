/**
 * Experience level (enum). Every signal found gets a level and a strength; the strongest wins (ties: the
 * earliest mention).
 *
 *  strength 3    "Experience level: expert" (a labelled value)
 *  strength 2.6  "any experience level", "all levels welcome" → ANY_EXPERIENCE_LEVEL
 *  strength 2.5  explicit level words: "entry level", "beginners welcome", "no experience required",
 *                "intermediate", "mid-level", "expert level", "experts only" (and their es/pt/fr/de/it forms)
 *  strength 2.2  "PhD", "board-certified" → EXPERT
 *  strength 2    "expert(s)", "senior", "junior", "licensed radiologist"
 *  strength 1.8  "Master's degree" → EXPERT
 *  strength 1.5  years of experience, in a sentence that is about experience:
 *                0 years → ENTRY_LEVEL, 1–4 years → INTERMEDIATE, 5+ years → EXPERT ("2+ years" → INTERMEDIATE);
 *                for a range ("2-3 years") the lower figure counts
 *  strength 1    "we train you", "training provided" → ENTRY_LEVEL (only when nothing else is said)
 * "experienced" alone sets nothing (spec 20 §7).
 */
import { COUNT_SOURCE, countValue, findAtNumbers } from "./numbers.js";
import { findKeyed, keyed, sentenceAt, wordRe, type TextView } from "./text.js";

export type ExperienceLevel = "EXPERT" | "ENTRY_LEVEL" | "INTERMEDIATE" | "ANY_EXPERIENCE_LEVEL";

export interface ExperienceResult {
  level: ExperienceLevel | null;
  confidence: number;
  warnings: string[];
}

const E = "ENTRY_LEVEL";
const I = "INTERMEDIATE";
const X = "EXPERT";
const A = "ANY_EXPERIENCE_LEVEL";

const SIGNALS: readonly [string, ExperienceLevel, number][] = [
  [String.raw`(?:experience|exp|seniority|skill)[ -]?level\s*[:=-]\s*(?:entry|beginners?|junior)`, E, 3],
  [String.raw`(?:experience|exp|seniority|skill)[ -]?level\s*[:=-]\s*(?:intermediate|mid)`, I, 3],
  [String.raw`(?:experience|exp|seniority|skill)[ -]?level\s*[:=-]\s*(?:expert|senior|advanced)`, X, 3],
  [String.raw`(?:experience|exp|seniority|skill)[ -]?level\s*[:=-]\s*(?:any|all)`, A, 3],
  [String.raw`(?:any|all) (?:experience )?levels?(?: of experience)?`, A, 2.6],
  [String.raw`open to all(?: experience)? levels|all experience levels|every level`, A, 2.6],
  [
    String.raw`todos los niveles|todos os niveis|tous niveaux|tous les niveaux|qualsiasi livello|alle erfahrungsstufen`,
    A,
    2.6,
  ],
  [String.raw`entry[- ]?level`, E, 2.5],
  [
    String.raw`(?:beginners?|newcomers?|freshers?|novices?)(?: are| is)? (?:welcome|ok|okay|fine|accepted|encouraged)`,
    E,
    2.5,
  ],
  [String.raw`beginner[- ]friendly|no experience`, E, 2.5],
  [
    String.raw`no (?:prior |previous |formal |professional )?(?:[\p{L}]+ ){0,2}?(?:experience|exp)(?: is| are)?(?: (?:required|needed|necessary|req'?d))`,
    E,
    2.5,
  ],
  [
    String.raw`sin experiencia|no se requiere experiencia|no requiere experiencia|iniciantes|sem experiencia|nao e necessaria experiencia|nessuna esperienza|aucune experience|debutants?(?: acceptes| bienvenus)?|keine (?:vor)?erfahrung|einsteiger(?:innen)?|principiantes`,
    E,
    2.5,
  ],
  [String.raw`junior`, E, 2],
  [String.raw`intermediate\+?(?: level)?|mid[- ]?level`, I, 2.5],
  [String.raw`nivel intermedio|niveau intermediaire|nivel intermediario|livello intermedio|mittleres niveau`, I, 2.5],
  [String.raw`(?:expert|senior|advanced)[- ]level|experts? only|only experts?`, X, 2.5],
  [String.raw`niveau expert|nivel experto|nivel avanzado|livello esperto|experte|expertin`, X, 2.5],
  [String.raw`ph\.? ?d\.?|doctorate|doctoral degree`, X, 2.2],
  [String.raw`board[- ]certifi(?:ed|cation)`, X, 2.2],
  [String.raw`experts?`, X, 2],
  [String.raw`senior(?! citizens?)`, X, 2],
  [
    String.raw`licensed (?:physicians?|radiologists?|doctors?|nurses?|attorneys?|lawyers?|pharmacists?|professionals?)`,
    X,
    2,
  ],
  [String.raw`master'?s(?: degree)?|m\.sc\.?|msc`, X, 1.8],
  [String.raw`(?:we|will) train (?:you|u)|training (?:is )?provided|full training|no experience\?`, E, 1],
];
const SIGNAL_RE = keyed(SIGNALS.map(([src, level, strength]) => [{ level, strength }, src] as const));

const YEARS_RE = wordRe(
  `(?<count>${COUNT_SOURCE})\\s*\\+?\\s*(?:-\\s*\\d+\\s*\\+?\\s*)?(?:years?|yrs?|ans|anos|jahre?n?|anni)'?`,
  "y",
);
const EXPERIENCE_CUE =
  /experien|(?<![\p{L}])exp(?![\p{L}])|erfahrung|esperienza|background|track record|as an? (?:professional |certified )?[\p{L}]+|professional|in the field|tutoring|teaching/u;
/** "Masters qualification not required", "PhD is not needed": the signal is negated. */
const NEGATED_AFTER =
  /^\s*(?:[\p{L}'-]+\s+){0,2}?(?:is\s+|are\s+)?(?:not|n't)\s+(?:required|needed|necessary|a must|mandatory)/u;
const DURATION_CUE = /(?:project|contract|engagement|lived|living|resid|warranty|old|aged|age)/u;

export function yearsToLevel(years: number): ExperienceLevel {
  if (years < 1) return E;
  if (years < 5) return I;
  return X;
}

export function extractExperience(view: TextView): ExperienceResult {
  const s = view.lower;
  const found: { level: ExperienceLevel; strength: number; start: number }[] = [];
  for (const m of findKeyed(SIGNAL_RE, s)) {
    const { level, strength } = m.key;
    if (level !== "ENTRY_LEVEL" && NEGATED_AFTER.test(s.slice(m.end, m.end + 40))) continue;
    found.push({ level, strength, start: m.start });
  }
  for (const m of findAtNumbers(YEARS_RE, view)) {
    const sent = sentenceAt(view, m.start);
    const sentence = s.slice(sent.start, sent.end);
    const rest = s.slice(m.end, Math.min(sent.end, m.end + 60));
    if (!EXPERIENCE_CUE.test(sentence)) continue;
    if (DURATION_CUE.test(s.slice(Math.max(sent.start, m.start - 25), m.start)) && !EXPERIENCE_CUE.test(rest)) continue;
    const n = countValue(m.groups);
    if (n === null || n > 40) continue;
    found.push({ level: yearsToLevel(n), strength: 1.5, start: m.start });
  }
  if (found.length === 0) return { level: null, confidence: 0, warnings: [] };

  found.sort((a, b) => b.strength - a.strength || a.start - b.start);
  const best = found[0] as (typeof found)[number];
  const warnings: string[] = [];
  let confidence = best.strength >= 3 ? 0.95 : best.strength >= 2.5 ? 0.9 : best.strength >= 2 ? 0.8 : 0.75;
  if (best.strength <= 1) confidence = 0.5;
  const rival = found.find((f) => f.level !== best.level && f.strength >= 2 && f.strength >= best.strength - 0.3);
  if (rival) {
    confidence -= 0.2;
    warnings.push(`Experience level is ambiguous (${best.level} vs ${rival.level}); picked ${best.level}`);
  }
  return { level: best.level, confidence: Math.max(0.3, Math.round(confidence * 100) / 100), warnings };
}
