// `npm run bench`: throughput and latency of the platform next to a bare Fastify route measured
// in the same run, plus start-up costs of the CLI, the MCP server and the server, and, on a
// throwaway PostgreSQL: the events figures of bench/events.mjs (GET /updates at 1k vs 1M events,
// webhook delivery latency and rate), the list endpoints of bench/lists.mjs (every cursor-paged
// list at 1k vs 1M rows, BENCH_LIST_ROWS) and the write paths of bench/writes.mjs (message-send
// and hire-confirm throughput, ledger audited after). Prints tables and writes
// docs/performance.md; each PostgreSQL part also runs alone (`node bench/<part>.mjs`). Ratios,
// not absolute numbers, are what to compare.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import {
  load,
  markdownTable,
  median,
  peakMiB,
  ROOT,
  startProcess,
  stopProcess,
  table,
  timeCommandPair,
} from "./lib.mjs";
import { startEphemeralPostgres } from "../scripts/ephemeral-postgres.mjs";
import { benchEvents } from "./events.mjs";
import { benchLists } from "./lists.mjs";
import { benchWrites } from "./writes.mjs";
import { account, inboxOf, SANDBOX_SECRET } from "./platform.mjs";

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
/**
 * Each HTTP figure is the median of this many rounds. A round loads the bare baseline route and
 * the target back to back (the order alternating), so the ratio is taken between runs seconds
 * apart: on a small shared VM the machine's speed drifts by a third within minutes, and a
 * baseline measured once at the start let that drift pass for the platform's cost.
 */
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
/**
 * Loads `targetUrl` and each baseline URL in turns, `rounds` times. Returns the target's median
 * run (by req/s, its latencies too; a run with failures instead, which the caller refuses), each
 * baseline's median req/s and the median of the per-round ratios target / baseline.
 */
function pairedLoad(targetUrl, baselineUrls, opts) {
  const runs = [];
  const ratios = baselineUrls.map(() => []);
  const baseRps = baselineUrls.map(() => []);
  const loadBaselines = () => baselineUrls.map((u) => load(u, { connections, seconds }).rps);
  for (let i = 0; i < rounds; i++) {
    // Even rounds load the baselines first, odd rounds the target first.
    const before = i % 2 === 0 ? loadBaselines() : null;
    const target = load(targetUrl, opts);
    const bases = before ?? loadBaselines();
    runs.push(target);
    bases.forEach((b, k) => {
      baseRps[k].push(b);
      ratios[k].push(target.rps / b);
    });
  }
  runs.sort((a, b) => a.rps - b.rps);
  const run = runs.find((r) => r.non2xx > 0 || r.errors > 0) ?? runs[Math.floor((runs.length - 1) / 2)];
  return { run, baselineRps: baseRps.map(median), ratios: ratios.map(median) };
}
const connections = 50;
const SERVER = join(ROOT, "packages/server/dist/bin.js");
const CLI = join(ROOT, "packages/cli/dist/bin.js");
/** Conversations in the inbox that GET /messages lists. */
const INBOX_CONVERSATIONS = 5;
/**
 * The HTTP targets: [label, path, token, request headers]. Tokens: none, `agent` (a fresh
 * agent's, whose event log is empty: /updates polls at its end) or `inbox` (a claimed account
 * with INBOX_CONVERSATIONS threads). Clients of the public search (browsers, fetch, CDNs) send
 * `accept-encoding: gzip`; without it the answer is identity.
 */
const GZIP = { "accept-encoding": "gzip" };
const TARGETS = [
  ["GET /auth/me", "/api/public/v1/auth/me", "agent"],
  ["GET /jobs?q=rlhf", "/api/public/v1/jobs?q=rlhf&limit=20", null, { "accept-encoding": "identity" }],
  ["GET /jobs?q=rlhf (gzip)", "/api/public/v1/jobs?q=rlhf&limit=20", null, GZIP],
  ["GET /updates", "/api/public/v1/updates", "agent"],
  [`GET /messages (${INBOX_CONVERSATIONS} conversations)`, "/api/public/v1/messages", "inbox"],
];
const lifted = {
  OPENTRAIN_API_RATE_LIMIT_PER_MINUTE: "10000000",
  OPENTRAIN_PUBLIC_RATE_LIMIT_PER_MINUTE: "10000000",
  OPENTRAIN_AGENT_AUTH_RATE_LIMIT_PER_MINUTE: "10000000",
  OPENTRAIN_SANDBOX_SECRET: SANDBOX_SECRET,
  LOG_LEVEL: "warn",
};

async function startPlatform(env) {
  const started = Date.now();
  const p = await startProcess([SERVER], {
    env: { PORT: "0", HOST: "127.0.0.1", ...lifted, ...env },
    ready: /listening on (http:\/\/127\.0\.0\.1:\d+)/,
  });
  return { ...p, url: p.match[1], startMs: Date.now() - started };
}

/**
 * A GET on a fresh connection: the loads between two probes take about a minute, and a pooled
 * keep-alive socket idle that long may be closed under the client (seen here as "other side
 * closed"); the probe is not what is measured.
 */
function probeFresh(url, init) {
  return fetch(url, { ...init, headers: { ...init.headers, connection: "close" } });
}

async function register(url) {
  const res = await fetch(`${url}/api/agent/identity`, { method: "POST" });
  return (await res.json()).access_token;
}

const httpRows = [];
/** Answers above this size are also compared with a bare route answering as many bytes. */
const LARGE_BODY = 4096;
let cliSearch = null;
const startupRows = [];

const baseline = await startProcess([join(ROOT, "bench/baseline-server.mjs")], {
  ready: /(http:\/\/127\.0\.0\.1:\d+)/,
});
const constantUrl = `${baseline.match[1]}/constant`;
/** The bare route answering as many bytes (rounded to KiB), for large or compressed answers. */
const sameSizeUrl = (bytes) => `${baseline.match[1]}/bytes/${Math.round(bytes / 1024) * 1024}`;

const pg = await startEphemeralPostgres();
const noPostgres = (title) => `## ${title} (PostgreSQL)\n\nNot measured: no PostgreSQL server binaries.\n`;
let eventsSection = noPostgres("Events");
let listsSection = noPostgres("List endpoints");
let writesSection = noPostgres("Writes");
const databases = [["PGlite", { OPENTRAIN_DATA_DIR: "memory" }]];
if (pg) databases.push(["PostgreSQL", { DATABASE_URL: pg.url }]);
try {
  for (const [dbName, env] of databases) {
    const platform = await startPlatform(env);
    startupRows.push({ what: `server start → listening (${dbName})`, median_ms: platform.startMs, peak_MiB: "-" });
    const inbox = await account(platform.url);
    await inboxOf(platform.url, inbox.token, INBOX_CONVERSATIONS);
    const tokens = { agent: await register(platform.url), inbox: inbox.token };
    for (const [name, path, tokenKind, headers = {}] of TARGETS) {
      const token = tokenKind ? tokens[tokenKind] : "";
      const probe = await probeFresh(`${platform.url}${path}`, {
        headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      }).catch((err) => {
        const state = platform.child.exitCode ?? platform.child.signalCode ?? "running";
        throw new Error(`${name} on ${dbName}: probe failed (server ${state})\n${platform.output().slice(-4000)}`, {
          cause: err,
        });
      });
      // fetch decodes a gzip body: the bytes on the wire are its content-length then.
      const encoded = probe.headers.get("content-encoding");
      const decodedBytes = (await probe.arrayBuffer()).byteLength;
      if (headers === GZIP && encoded !== "gzip") throw new Error(`${name} on ${dbName}: answered without gzip`);
      const bytes = encoded ? Number(probe.headers.get("content-length")) : decodedBytes;
      const sameSize = bytes > LARGE_BODY || encoded;
      const {
        run: r,
        baselineRps,
        ratios,
      } = pairedLoad(`${platform.url}${path}`, sameSize ? [constantUrl, sameSizeUrl(bytes)] : [constantUrl], {
        connections,
        seconds,
        token,
        headers,
      });
      if (r.non2xx > 0 || r.errors > 0)
        throw new Error(`${name} on ${dbName}: ${r.non2xx} non-2xx, ${r.errors} errors`);
      httpRows.push({
        target: name,
        db: dbName,
        rps: r.rps.toFixed(0),
        p50: r.p50,
        p99: r.p99,
        baseline_rps: baselineRps[0].toFixed(0),
        ratio: ratios[0].toFixed(2),
        bytes,
        ratio_same_size: sameSize ? ratios[1].toFixed(2) : "-",
      });
    }
    // CLI cold start of a command that calls the server (the PGlite one: the sandbox default).
    if (dbName === "PGlite") {
      cliSearch = timeCommandPair([CLI, "jobs", "search", "rlhf", "--json"], ["-e", "0"], {
        env: { OPENTRAIN_API_BASE_URL: platform.url },
        check: (res) => res.status === 0,
      });
    }
    startupRows.push({
      what: `server after the load (${dbName})`,
      median_ms: "-",
      peak_MiB: peakMiB(platform.child.pid).toFixed(0),
    });
    await stopProcess(platform.child);
  }
  // BENCH_SKIP_DB_SECTIONS=1 skips the long events, lists and writes sections (quick runs while working).
  if (pg && process.env.BENCH_SKIP_DB_SECTIONS !== "1") {
    eventsSection = await benchEvents(pg.url);
    listsSection = await benchLists(pg.url);
    writesSection = await benchWrites(pg.url);
  }
} finally {
  await stopProcess(baseline.child);
  pg?.stop();
}

// Start-up costs: CLI cold start against `node -e 0` timed in turns with it, MCP start to tools/list.
const cliVersion = timeCommandPair([join(ROOT, "packages/cli/dist/bin.js"), "--version"], ["-e", "0"], {
  check: (res) => res.status === 0,
});
const nodeBase = cliVersion.baseline;
startupRows.push({
  what: "node -e 0 (baseline)",
  median_ms: nodeBase.median.toFixed(0),
  peak_MiB: nodeBase.peakMiB.toFixed(0),
});
startupRows.push({
  what: `opentrain --version (${(cliVersion.command.median / nodeBase.median).toFixed(2)}x)`,
  median_ms: cliVersion.command.median.toFixed(0),
  peak_MiB: cliVersion.command.peakMiB.toFixed(0),
});
if (cliSearch) {
  // Its ratio is against the node -e 0 runs taken in turns with it, while the server was up.
  startupRows.push({
    what: `opentrain jobs search --json (${(cliSearch.command.median / cliSearch.baseline.median).toFixed(2)}x)`,
    median_ms: cliSearch.command.median.toFixed(0),
    peak_MiB: cliSearch.command.peakMiB.toFixed(0),
  });
}
const mcpStart = process.hrtime.bigint();
const client = new Client({ name: "bench", version: "1" });
const transport = new StdioClientTransport({
  command: process.execPath,
  args: [join(ROOT, "packages/mcp/dist/bin.js")],
  stderr: "ignore",
});
await client.connect(transport);
const tools = await client.listTools();
const mcpMs = Number(process.hrtime.bigint() - mcpStart) / 1e6;
const mcpPeak = peakMiB(transport.pid);
await client.close();
startupRows.push({
  what: `opentrain-mcp start → tools/list (${tools.tools.length} tools, ${(JSON.stringify(tools).length / 1024).toFixed(0)} KiB)`,
  median_ms: mcpMs.toFixed(0),
  peak_MiB: mcpPeak.toFixed(0),
});

const httpCols = ["target", "db", "rps", "p50", "p99", "baseline_rps", "ratio", "bytes", "ratio_same_size"];
const startCols = ["what", "median_ms", "peak_MiB"];
process.stdout.write(
  `\nHTTP at ${connections} connections, median of ${rounds} rounds of ${seconds} s each (ratio = req/s / baseline req/s, per round)\n${table(httpRows, httpCols)}\n`,
);
process.stdout.write(`\nStart-up\n${table(startupRows, startCols)}\n`);
const doc = `# Performance

Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (${process.platform}, Node ${process.version}).
Every HTTP figure sits next to a bare Fastify route answering a constant, measured in the same run
on the same machine; the load generator (autocannon) runs in its own process. Latencies in ms.
Each target is loaded in ${rounds} rounds; a round loads the bare route and the target back to back
(the order alternating), \`ratio\` is the median of the rounds' req/s ratios and \`baseline_rps\` the
bare route's median req/s in those rounds. Measuring the baseline once at the start let this VM's
drift (its speed moves by a third within minutes) pass for the platform's cost. For an answer over
${LARGE_BODY / 1024} KiB (or compressed), \`ratio_same_size\` compares with a bare route answering as many
bytes, loaded in the same rounds (moving a large body costs the same anywhere). \`bytes\` is what
goes on the wire. \`(gzip)\` rows send \`Accept-Encoding: gzip\`, as browsers, fetch/undici,
\`curl --compressed\` and CDNs do: the public search answers with the gzip copy it keeps next to
each cached answer (compressed once, not per request); the row without sends
\`Accept-Encoding: identity\` and gets the uncompressed bytes.

## HTTP, ${connections} connections, median of ${rounds} rounds of ${seconds} s per target

${markdownTable(httpRows, httpCols)}

## Start-up

${markdownTable(startupRows, startCols)}

${eventsSection}
${listsSection}
${writesSection}`;
writeFileSync(join(ROOT, "docs/performance.md"), doc);
process.stdout.write("\nWrote docs/performance.md\n");
