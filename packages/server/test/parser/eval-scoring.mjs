// Evaluation of the job-description parser against the hand-labelled set in ./eval-set/*.json.
// Shared by the vitest suite (parser-eval.test.ts) and `npm run bench:parser` (bench/parser.mjs).
//
// Scoring, per field, over all descriptions:
//  - expected value e = the value in the case's "expected" object (absent = the text does not state it);
//    predicted value p = the parser's value (absent when the key is missing, null, "" or an empty array).
//  - Values are compared after normalisation: strings are lower-cased, accents and punctuation removed,
//    whitespace collapsed; numbers are equal within 1e-6 (relative); arrays are compared as sets of
//    normalised strings; payRange compares min and max.
//  - TP: e and p present and equal. FP: p present and (e absent or different). FN: e present and (p absent
//    or different). A wrong value therefore counts once as FP and once as FN.
//  - precision = TP / (TP + FP), recall = TP / (TP + FN), F1 = harmonic mean. With no predictions (or no
//    expectations) the ratio is reported as "-" and treated as 1 by the assertions.
//  - "rate" is the rate key and its value together (pricePerHour | pricePerLabel | fixedPrice): correct
//    only when both the key and the number match. The three rate keys are also scored separately.
//  - jobTitle is scored only on descriptions whose text states a title (the case lists one); the parser
//    always writes a title, and a generated title cannot be right or wrong against an unstated one.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const EVAL_DIR = join(dirname(fileURLToPath(import.meta.url)), "eval-set");

/** Fields scored, in table order. Derived values are looked up in `parsed.derived`. */
export const SCORED_FIELDS = [
  "jobTitle",
  "paymentType",
  "rate",
  "pricePerHour",
  "pricePerLabel",
  "fixedPrice",
  "languages",
  "experienceLevel",
  "countries",
  "headcount",
  "dataVolume",
  "dataVolumeUnit",
  "dataType",
  "labelTypes",
  "labelingSoftware",
  "projectDuration",
  "category",
  "currency",
  "payRange",
  "deadline",
];

/** Fields with a release target: precision and recall ≥ TARGET on the whole set. */
export const TARGET_FIELDS = ["jobTitle", "paymentType", "rate", "languages", "experienceLevel"];
export const TARGET = 0.9;

const DERIVED = new Set(["category", "currency", "payRange", "deadline"]);
const RATE_KEYS = ["pricePerHour", "pricePerLabel", "fixedPrice"];

/** Loads every case; `text` may be a string or an array of lines (joined with "\n"). */
export function loadEvalSet(dir = EVAL_DIR) {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const c = JSON.parse(readFileSync(join(dir, f), "utf8"));
      return {
        id: c.id ?? f.replace(/\.json$/, ""),
        split: c.split ?? "dev",
        text: Array.isArray(c.text) ? c.text.join("\n") : c.text,
        expected: c.expected ?? {},
      };
    });
}

function present(v) {
  if (v === undefined || v === null || v === "") return false;
  if (Array.isArray(v) && v.length === 0) return false;
  return true;
}

function rateOf(obj) {
  for (const k of RATE_KEYS) if (present(obj[k])) return { key: k, value: obj[k] };
  return undefined;
}

/** The expected value of `field` for a case (undefined when not stated). */
export function expectedValue(expected, field) {
  if (field === "rate") return rateOf(expected);
  return present(expected[field]) ? expected[field] : undefined;
}

/** The parser's value of `field` (undefined when absent). */
export function predictedValue(parsed, field) {
  if (field === "rate") return rateOf(parsed.fields);
  const v = DERIVED.has(field) ? parsed.derived?.[field] : parsed.fields?.[field];
  return present(v) ? v : undefined;
}

export function normText(s) {
  return String(s)
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function numEq(a, b) {
  return typeof a === "number" && typeof b === "number" && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a));
}

export function equalValues(field, e, p) {
  if (field === "rate") return e.key === p.key && numEq(e.value, p.value);
  if (field === "payRange") return numEq(e.min, p.min) && numEq(e.max, p.max);
  if (Array.isArray(e) || Array.isArray(p)) {
    if (!Array.isArray(e) || !Array.isArray(p)) return false;
    const a = new Set(e.map(normText));
    const b = new Set(p.map(normText));
    return a.size === b.size && [...a].every((x) => b.has(x));
  }
  if (typeof e === "number" || typeof p === "number") return numEq(e, p);
  return normText(e) === normText(p);
}

/** Per-field outcome for one case: { scored, tp, fp, fn, expected, predicted }. */
export function scoreCase(evalCase, parsed, fields = SCORED_FIELDS) {
  const out = {};
  for (const field of fields) {
    const e = expectedValue(evalCase.expected, field);
    const p = predictedValue(parsed, field);
    if (field === "jobTitle" && e === undefined) {
      out[field] = { scored: false, tp: 0, fp: 0, fn: 0, expected: e, predicted: p };
      continue;
    }
    const ok = e !== undefined && p !== undefined && equalValues(field, e, p);
    out[field] = {
      scored: true,
      tp: ok ? 1 : 0,
      fp: p !== undefined && !ok ? 1 : 0,
      fn: e !== undefined && !ok ? 1 : 0,
      expected: e,
      predicted: p,
    };
  }
  return out;
}

/** Sums case outcomes into { field: { tp, fp, fn, support, precision, recall, f1 } }. */
export function aggregate(caseScores, fields = SCORED_FIELDS) {
  const out = {};
  for (const field of fields) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const cs of caseScores) {
      const r = cs[field];
      tp += r.tp;
      fp += r.fp;
      fn += r.fn;
    }
    const precision = tp + fp === 0 ? null : tp / (tp + fp);
    const recall = tp + fn === 0 ? null : tp / (tp + fn);
    const f1 =
      precision === null || recall === null || precision + recall === 0
        ? null
        : (2 * precision * recall) / (precision + recall);
    out[field] = { tp, fp, fn, support: tp + fn, predicted: tp + fp, precision, recall, f1 };
  }
  return out;
}

/** Runs `parse` on every case and returns { cases: [{ id, split, scores, parsed, ms }], totals }. */
export function evaluate(parse, cases = loadEvalSet()) {
  const results = cases.map((c) => {
    const t0 = performance.now();
    const parsed = parse(c.text);
    const ms = performance.now() - t0;
    return { id: c.id, split: c.split, scores: scoreCase(c, parsed), parsed, ms };
  });
  return { cases: results, totals: aggregate(results.map((r) => r.scores)) };
}

const fmt = (x) => (x === null ? "   -" : x.toFixed(2).padStart(4));

/** Plain-text table of field-level precision, recall and F1. */
export function formatTable(totals, fields = SCORED_FIELDS) {
  const rows = [
    `${"field".padEnd(18)} ${"exp".padStart(4)} ${"pred".padStart(4)} ${"TP".padStart(4)}   P      R      F1`,
  ];
  for (const f of fields) {
    const t = totals[f];
    const mark = TARGET_FIELDS.includes(f) ? " *" : "";
    rows.push(
      `${(f + mark).padEnd(18)} ${String(t.support).padStart(4)} ${String(t.predicted).padStart(4)} ${String(t.tp).padStart(4)}  ${fmt(t.precision)}   ${fmt(t.recall)}   ${fmt(t.f1)}`,
    );
  }
  return rows.join("\n");
}

/** Human-readable list of every wrong or missing value (for debugging a regression). */
export function listErrors(results, fields = SCORED_FIELDS) {
  const lines = [];
  for (const r of results) {
    for (const f of fields) {
      const s = r.scores[f];
      if (s.fp || s.fn)
        lines.push(`${r.id} ${f}: expected ${JSON.stringify(s.expected)} got ${JSON.stringify(s.predicted)}`);
    }
  }
  return lines;
}
