// `node bench/cold-start.mjs`: cold start of the CLI and the MCP server only, each next to
// `node -e 0` measured in the same run (the machine may be shared: compare the ratios).
// Targets (issue 7): `opentrain --version` under 2x, `opentrain jobs search --json` under 3x.
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { ROOT, startProcess, stopProcess, table, timeCommand } from "./lib.mjs";

const CLI = join(ROOT, "packages/cli/dist/bin.js");
const MCP = join(ROOT, "packages/mcp/dist/bin.js");
const runs = Number(process.env.BENCH_RUNS ?? 10);

const server = await startProcess([join(ROOT, "packages/server/dist/bin.js")], {
  env: {
    PORT: "0",
    HOST: "127.0.0.1",
    OPENTRAIN_DATA_DIR: "memory",
    OPENTRAIN_API_RATE_LIMIT_PER_MINUTE: "10000000",
    OPENTRAIN_PUBLIC_RATE_LIMIT_PER_MINUTE: "10000000",
    OPENTRAIN_AGENT_AUTH_RATE_LIMIT_PER_MINUTE: "10000000",
    LOG_LEVEL: "warn",
  },
  ready: /listening on (http:\/\/127\.0\.0\.1:\d+)/,
});
const url = server.match[1];

/** Median of `runs` MCP starts: spawn → connect → tools/list answered. */
async function mcpStart() {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const client = new Client({ name: "bench", version: "1" });
    const transport = new StdioClientTransport({ command: process.execPath, args: [MCP], stderr: "ignore" });
    await client.connect(transport);
    await client.listTools();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    await client.close();
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], peakMiB: NaN };
}

try {
  const rows = [];
  const base = timeCommand(["-e", "0"], { runs });
  const add = (what, r) =>
    rows.push({
      what,
      median_ms: r.median.toFixed(0),
      ratio: (r.median / base.median).toFixed(2),
      peak_MiB: Number.isFinite(r.peakMiB) ? r.peakMiB.toFixed(0) : "-",
    });
  add("node -e 0", base);
  add("opentrain --version", timeCommand([CLI, "--version"], { runs, check: (r) => r.status === 0 }));
  add(
    "opentrain jobs search rlhf --json",
    timeCommand([CLI, "jobs", "search", "rlhf", "--json"], {
      runs,
      env: { OPENTRAIN_API_BASE_URL: url },
      check: (r) => r.status === 0,
    }),
  );
  add("opentrain jobs search --help", timeCommand([CLI, "jobs", "search", "--help"], { runs }));
  add("opentrain-mcp start → tools/list", await mcpStart());
  process.stdout.write(`${table(rows, ["what", "median_ms", "ratio", "peak_MiB"])}\n`);
} finally {
  await stopProcess(server.child);
}
