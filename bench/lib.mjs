import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Starts a node script and resolves once its output matches `ready` (returns the match). */
export function startProcess(args, { env = {}, ready }) {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready after 30 s:\n${out}`)), 30_000);
    const onData = (d) => {
      out += d;
      const m = ready.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, match: m, output: () => out });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`exited with ${code}:\n${out}`)));
  });
}

export async function stopProcess(child) {
  if (child.exitCode !== null) return;
  child.removeAllListeners("exit");
  const done = new Promise((r) => child.on("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await done;
  clearTimeout(timer);
}

/**
 * Runs the load generator process against `url`. `spec` ({ method, requests: [{ path, body }] })
 * sends each listed request once instead of GETting `url` for `seconds` (see load.mjs); `headers`
 * are added to every request.
 */
export function load(url, { connections = 50, seconds = 5, token = "", spec = null, headers = {} } = {}) {
  const dir = spec ? mkdtempSync(join(tmpdir(), "bench-load-")) : null;
  const specFile = dir ? join(dir, "spec.json") : "";
  if (dir) writeFileSync(specFile, JSON.stringify(spec));
  try {
    const res = spawnSync(
      process.execPath,
      [
        join(ROOT, "bench/load.mjs"),
        url,
        String(connections),
        String(seconds),
        token,
        specFile,
        JSON.stringify(headers),
      ],
      { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
    );
    if (res.status !== 0) throw new Error(`load generator failed: ${res.stderr}`);
    return JSON.parse(res.stdout.trim().split("\n").pop());
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** Peak resident memory (VmHWM, MiB) of a running process; NaN where /proc is unavailable. */
export function peakMiB(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

// GNU time reports peak RSS; without it (Debian package `time`) only durations are measured.
const GNU_TIME = existsSync("/usr/bin/time");

/** One run of `node <args>`: wall time (ms) and peak RSS (MiB, NaN without GNU time). */
function runOnce(args, env, check) {
  const start = process.hrtime.bigint();
  const res = GNU_TIME
    ? spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, ...args], {
        encoding: "utf8",
        env: { ...process.env, ...env },
      })
    : spawnSync(process.execPath, args, { encoding: "utf8", env: { ...process.env, ...env } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!check(res)) throw new Error(`${args.join(" ")} failed: ${res.stderr}`);
  const rss = GNU_TIME ? Number((res.stderr.trim().split("\n").pop() ?? "0").trim()) / 1024 : NaN;
  return { ms, rss };
}

/** The middle value (the upper one of the two middle values for an even count). */
export function median(xs) {
  return xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

function summary(runs) {
  const peaks = runs.map((r) => r.rss).filter(Number.isFinite);
  return { median: median(runs.map((r) => r.ms)), peakMiB: peaks.length ? Math.max(...peaks) : 0 };
}

/** Median wall time (ms) and peak RSS (MiB) of a command over `runs` runs; `check` vets each run. */
export function timeCommand(args, { runs = 10, env = {}, check = () => true } = {}) {
  return summary(Array.from({ length: runs }, () => runOnce(args, env, check)));
}

/**
 * A command and its baseline (`node -e 0`) run in turns, so that both medians come from the same
 * minutes: this VM's speed drifts, and a baseline timed apart let the drift pass for start-up cost.
 */
export function timeCommandPair(args, baselineArgs, { runs = 10, env = {}, check = () => true } = {}) {
  const command = [];
  const baseline = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) baseline.push(runOnce(baselineArgs, {}, () => true));
    command.push(runOnce(args, env, check));
    if (i % 2 === 1) baseline.push(runOnce(baselineArgs, {}, () => true));
  }
  return { command: summary(command), baseline: summary(baseline) };
}

export function table(rows, columns) {
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? "").length)));
  const line = (cells) => cells.map((c, i) => String(c ?? "").padEnd(widths[i])).join("  ");
  return [
    line(columns),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map((r) => line(columns.map((c) => r[c]))),
  ].join("\n");
}

export function markdownTable(rows, columns) {
  return [
    `| ${columns.join(" | ")} |`,
    `| ${columns.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${columns.map((c) => r[c] ?? "").join(" | ")} |`),
  ].join("\n");
}

/** Replaces the `## heading` section of docs/performance.md (appends it when missing). */
export function replaceSection(heading, section) {
  const file = join(ROOT, "docs/performance.md");
  const doc = existsSync(file) ? readFileSync(file, "utf8") : "# Performance\n";
  const start = doc.indexOf(heading);
  const next = start === -1 ? -1 : doc.indexOf("\n## ", start + 1);
  const updated =
    start === -1
      ? `${doc.trimEnd()}\n\n${section}`
      : `${doc.slice(0, start)}${section}${next === -1 ? "" : doc.slice(next + 1)}`;
  writeFileSync(file, updated);
}
