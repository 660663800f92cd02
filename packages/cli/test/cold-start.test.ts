/**
 * Cold-start guard (issue 7), not a timing test: runs the BUILT `opentrain` binary with a preload
 * that records every file module it loads, then reads which sources those bundle files hold
 * (dist/chunks/sources.json, from esbuild's metafile; scripts/bundle-bins.mjs writes it). Fails when `--version` pulls in more than the version, or when a command pulls in other
 * namespaces' command modules, the MCP SDK, or undici (the SDK's default transport is node:http).
 * Needs `npm run build` (the bundle).
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CLI_DIR = resolve(fileURLToPath(new URL("..", import.meta.url)));
const BIN = join(CLI_DIR, "dist/bin.js");
const PRELOAD = join(CLI_DIR, "test/fixtures/record-loads.mjs");
const TESTKIT = resolve(CLI_DIR, "../testkit/dist/index.js");
const ROOT = resolve(CLI_DIR, "../..");
const SOURCES = join(CLI_DIR, "dist/chunks/sources.json");
const bundled = existsSync(SOURCES) && existsSync(TESTKIT);
/** Output file (repository path) → the source modules it holds. */
const sourcesByOutput: Record<string, string[]> = bundled ? JSON.parse(readFileSync(SOURCES, "utf8")) : {};

if (!bundled) process.stderr.write(`cold-start guard skipped: run "npm run build" first\n`);

interface Loads {
  code: number;
  stdout: string;
  /** Source modules (repository paths) inside the bundle files the process loaded. */
  sources: string[];
  /** Node built-in modules loaded (process.moduleLoadList). */
  builtins: string[];
}

describe.skipIf(!bundled)("opentrain cold start loads only what the command needs", () => {
  let server: { baseUrl: string; close(): Promise<void> };
  let dir: string;

  function run(args: string[], env: Record<string, string> = {}): Promise<Loads> {
    const log = join(dir, `loads-${Math.random().toString(36).slice(2)}.txt`);
    return new Promise((done, fail) => {
      execFile(
        process.execPath,
        ["--import", PRELOAD, BIN, ...args],
        { env: { PATH: process.env.PATH ?? "", HOME: dir, XDG_CONFIG_HOME: dir, OT_LOAD_LOG: log, ...env } },
        (err, stdout) => {
          try {
            const lines = readFileSync(log, "utf8").split("\n");
            const files = lines.filter((l) => l.startsWith("file ")).map((l) => fileURLToPath(l.slice(5)));
            const ours = files.filter((f) => f.startsWith(join(CLI_DIR, "dist")));
            const sources = ours.flatMap((f) => sourcesByOutput[relative(ROOT, f)] ?? []);
            const builtins = lines.filter((l) => l.startsWith("builtin ")).map((l) => l.slice(8));
            done({ code: err ? Number(err.code ?? 1) : 0, stdout, sources, builtins });
          } catch (e) {
            fail(e as Error);
          }
        },
      );
    });
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "opentrain-cold-start-"));
    const testkit = (await import(TESTKIT)) as { startTestServer(): Promise<typeof server> };
    server = await testkit.startTestServer();
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("--version loads the entry and the version module, nothing else", async () => {
    const r = await run(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect([...new Set(r.sources)].sort()).toEqual(["packages/cli/src/bin.ts", "packages/cli/src/version.ts"]);
  });

  it("jobs search --json loads the jobs commands only, and neither undici nor the MCP SDK", async () => {
    const r = await run(["jobs", "search", "rlhf", "--json"], { OPENTRAIN_API_BASE_URL: server.baseUrl });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty("jobs");
    expect(r.sources).toContain("packages/cli/src/commands/jobs/search.ts");
    // commands/index.ts (the command table) imports the jobs field catalog and the money runner.
    const otherCommands = r.sources.filter(
      (s) =>
        s.startsWith("packages/cli/src/commands/") &&
        !s.startsWith("packages/cli/src/commands/jobs/") &&
        s !== "packages/cli/src/commands/index.ts" &&
        s !== "packages/cli/src/commands/money.ts",
    );
    expect(otherCommands).toEqual([]);
    expect(r.sources.filter((s) => s.includes("@modelcontextprotocol"))).toEqual([]);
    expect(r.builtins.length).toBeGreaterThan(0); // the undici check below is not vacuous
    expect(r.builtins.filter((m) => m.includes("undici"))).toEqual([]);
  });
});
