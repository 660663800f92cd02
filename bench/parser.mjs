// `npm run bench:parser`: field-level precision / recall / F1 of the job-description parser on the
// hand-labelled evaluation set (packages/server/test/parser/eval-set/*.json), plus parsing time.
//
// Loads the BUILT parser (packages/server/dist/services/job-drafts/parse/index.js; the npm script runs the
// build first). Scoring rules are defined in packages/server/test/parser/eval-scoring.mjs, shared with the
// vitest suite: per field, a prediction is correct when it equals the expected value after normalisation
// (strings: case, accents and punctuation ignored; numbers: equal within 1e-6; arrays: compared as sets;
// payRange: min and max). TP = present and equal; FP = predicted but absent or different; FN = expected but
// missing or different. "rate" = the rate key and its value together. jobTitle is scored only where the
// text states a title. Fields marked * carry the release target (precision and recall ≥ 0.9).
//
// Options: --errors (list every wrong value), --split=dev|holdout|blind (score one split only).
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  TARGET,
  TARGET_FIELDS,
  evaluate,
  formatTable,
  listErrors,
  loadEvalSet,
} from "../packages/server/test/parser/eval-scoring.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const built = join(root, "packages/server/dist/services/job-drafts/parse/index.js");
if (!existsSync(built)) {
  process.stderr.write(`Parser not built (${built}). Run: npm run build\n`);
  process.exit(1);
}
const { parseJobDescription } = await import(pathToFileURL(built).href);

const args = process.argv.slice(2);
const split = args.find((a) => a.startsWith("--split="))?.slice("--split=".length);
const all = loadEvalSet();
const cases = split ? all.filter((c) => c.split === split) : all;
const out = (s = "") => process.stdout.write(`${s}\n`);

// warm-up so that regular-expression compilation is not billed to the first description
for (const c of cases) parseJobDescription(c.text);

const { cases: results, totals } = evaluate((t) => parseJobDescription(t), cases);

const splits = {};
for (const c of cases) splits[c.split] = (splits[c.split] ?? 0) + 1;
out(
  `Parser evaluation: ${cases.length} descriptions (${Object.entries(splits)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ")})`,
);
out();
out(formatTable(totals));
out();

// timing: repeated runs per description (mean), plus a 10 KB post. Wall time suffers when other processes
// share the machine; CPU time (process.cpuUsage) is the steadier figure.
const REPS = 20;
const cpuMs = (c) => (c.user + c.system) / 1000;
const times = cases.map((c) => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < REPS; i++) parseJobDescription(c.text);
  return {
    id: c.id,
    chars: c.text.length,
    ms: (performance.now() - t0) / REPS,
    cpu: cpuMs(process.cpuUsage(c0)) / REPS,
  };
});
const sum = (k) => times.reduce((a, t) => a + t[k], 0);
const slowest = times.reduce((a, t) => (t.cpu > a.cpu ? t : a));
out(
  `Time per description (avg ${Math.round(sum("chars") / times.length)} chars): ` +
    `mean ${(sum("ms") / times.length).toFixed(3)} ms wall / ${(sum("cpu") / times.length).toFixed(3)} ms CPU, ` +
    `slowest ${slowest.cpu.toFixed(3)} ms CPU (${slowest.id}), whole set ${sum("ms").toFixed(1)} ms wall`,
);
let big = "";
for (let i = 0; big.length < 10_240; i++) big += `${all[i % all.length].text}\n\n`;
big = big.slice(0, 10_240);
const runs = [];
for (let r = 0; r < 7; r++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < 20; i++) parseJobDescription(big);
  runs.push({ wall: (performance.now() - t0) / 20, cpu: cpuMs(process.cpuUsage(c0)) / 20 });
}
const median = (k) => runs.map((r) => r[k]).sort((a, b) => a - b)[3];
out(`10 KB post: median ${median("wall").toFixed(2)} ms wall / ${median("cpu").toFixed(2)} ms CPU (target < 5 ms)`);

const failing = TARGET_FIELDS.filter((f) => (totals[f].precision ?? 1) < TARGET || (totals[f].recall ?? 1) < TARGET);
out();
out(failing.length === 0 ? `Targets met (* fields: P and R ≥ ${TARGET}).` : `Below target: ${failing.join(", ")}`);
if (args.includes("--errors")) {
  out();
  out(listErrors(results).join("\n") || "No errors.");
}
process.exitCode = failing.length === 0 ? 0 : 1;
