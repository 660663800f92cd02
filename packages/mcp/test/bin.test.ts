import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { OPERATIONS, toolsetOf } from "@opentrain-ai/contract";
import { describe, expect, it } from "vitest";
import { BIN, tempConfigHome } from "./helpers.js";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    input: "",
    timeout: 20_000,
    env: { PATH: process.env.PATH ?? "", ...env },
  });
}

/** Starts the built server over stdio and lists its tools. */
async function listTools(args: string[], env: Record<string, string> = {}) {
  const home = tempConfigHome();
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, ...args],
    env: { XDG_CONFIG_HOME: home.dir, OPENTRAIN_API_BASE_URL: "http://127.0.0.1:9", ...env },
    stderr: "pipe",
  });
  const client = new Client({ name: "bin-test", version: "0.0.0" });
  try {
    await client.connect(transport);
    return (await client.listTools()).tools;
  } finally {
    await client.close();
    home.cleanup();
  }
}

describe("opentrain-mcp binary (built dist/bin.js)", () => {
  it("is built", () => {
    expect(existsSync(BIN), `${BIN} is missing: run "npm run build" first`).toBe(true);
    expect(readFileSync(BIN, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it("--version and --help print and exit 0", () => {
    const v = run(["--version"]);
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toBe(pkg.version);
    const h = run(["--help"]);
    expect(h.status).toBe(0);
    expect(h.stdout).toContain("--toolsets");
    expect(h.stdout).toContain("--read-only");
    expect(h.stdout).toContain("OPENTRAIN_PERSONAL_API_TOKEN");
  });

  it("an unknown toolset or option is a usage error: stderr, exit 2, nothing on stdout", () => {
    for (const [args, env] of [
      [["--toolsets", "team,bogus"], {}],
      [[], { OPENTRAIN_TOOLSETS: "bogus" }],
      [["--frobnicate"], {}],
    ] as const) {
      const r = run([...args], env);
      expect(r.status, JSON.stringify(args)).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^opentrain-mcp: /);
    }
    expect(run(["--toolsets", "bogus"]).stderr).toContain("Unknown toolset: bogus. Valid toolsets: all, auth");
  });

  it("starts without credentials and lists every tool", async () => {
    const tools = await listTools([]);
    expect(tools.length).toBe(OPERATIONS.filter((op) => op.tool).length);
  });

  it("--read-only hides every tool that writes (also via OPENTRAIN_READ_ONLY=1)", async () => {
    const expected = OPERATIONS.filter((op) => op.tool && op.method === "GET").map((op) => op.tool!.name);
    for (const tools of [await listTools(["--read-only"]), await listTools([], { OPENTRAIN_READ_ONLY: "1" })]) {
      expect(tools.map((t) => t.name)).toEqual(expected);
      expect(tools.every((t) => t.annotations?.readOnlyHint === true)).toBe(true);
      expect(tools.map((t) => t.name)).not.toContain("opentrain_register_agent");
    }
  });

  it("--toolsets team exposes only the team tools (also via OPENTRAIN_TOOLSETS)", async () => {
    for (const tools of [
      await listTools(["--toolsets", "team"]),
      await listTools([], { OPENTRAIN_TOOLSETS: "team" }),
    ]) {
      expect(tools.map((t) => t.name)).toEqual(["opentrain_get_team", "opentrain_invite_team_member"]);
    }
    const combined = await listTools(["--toolsets", "auth,tokens", "--read-only"]);
    const expected = OPERATIONS.filter(
      (op) => op.tool && op.method === "GET" && ["auth", "tokens"].includes(toolsetOf(op)),
    ).map((op) => op.tool!.name);
    expect(combined.map((t) => t.name)).toEqual(expected);
    expect(expected).toEqual(expect.arrayContaining(["opentrain_auth_status", "opentrain_list_tokens"]));
  });
});
