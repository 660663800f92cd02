import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { POST_CLAIM_SCOPES } from "@opentrain-ai/contract";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { followSignInEmail, launchBrowser, startTestServer, uniqueEmail, type TestServer } from "../src/index.js";

/**
 * The first user journey of the issue, across all four surfaces and with no shortcut: the built
 * `opentrain` binary registers, the built `opentrain-mcp` (over stdio, driven by the MCP SDK's
 * client) starts the claim, a real Chromium signs the human in through the mailbox link and
 * accepts the code, and the CLI then picks up the post-claim token.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const CLI = join(root, "packages/cli/dist/bin.js");
const MCP = join(root, "packages/mcp/dist/bin.js");

let t: TestServer;
let browser: Browser;
let configHome: string;
let env: Record<string, string>;

/** Runs the built CLI without blocking the event loop (the server runs in this process). */
function opentrain(args: string[], extraEnv: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { ...env, ...extraEnv }, timeout: 90_000 },
      (err, stdout, stderr) => {
        const code = err ? ((err as { code?: number }).code ?? 1) : 0;
        done({ code: typeof code === "number" ? code : 1, stdout, stderr });
      },
    );
  });
}

const credentials = () => JSON.parse(readFileSync(join(configHome, "opentrain", "cli.json"), "utf8"));

beforeAll(async () => {
  t = await startTestServer({ env: { OPENTRAIN_CLAIM_POLL_INTERVAL_SECONDS: "1" } });
  browser = await launchBrowser();
  configHome = mkdtempSync(join(tmpdir(), "opentrain-journey-"));
  env = {
    PATH: process.env.PATH ?? "",
    HOME: configHome,
    XDG_CONFIG_HOME: configHome,
    OPENTRAIN_API_BASE_URL: t.baseUrl,
  };
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
  rmSync(configHome, { recursive: true, force: true });
});

describe("claim ceremony across CLI, MCP, browser", () => {
  it("goes from anonymous registration to a claimed account", async () => {
    // 1. The CLI registers and saves the credentials file (0600).
    const reg = await opentrain(["auth", "register", "--agent-name", "Journey agent", "--org-name", "Journey Labs"]);
    expect(reg.code, reg.stderr).toBe(0);
    expect(reg.stdout).toContain("opentrain auth claim");
    const saved = credentials();
    expect(saved).toEqual({
      apiToken: expect.stringMatching(/^ot_pat_/),
      claimToken: expect.stringMatching(/^ot_clm_/),
      baseUrl: t.baseUrl,
    });
    expect(statSync(join(configHome, "opentrain", "cli.json")).mode & 0o777).toBe(0o600);
    const preClaimToken: string = saved.apiToken;

    // 2. The MCP server, sharing the credentials file, starts the claim.
    const email = uniqueEmail("journey");
    const client = new Client({ name: "journey-test", version: "1.0.0" });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [MCP], env, stderr: "pipe" }));
    let userCode: string;
    let verificationUri: string;
    try {
      const claim = await client.callTool({ name: "opentrain_claim_account", arguments: { email } });
      expect(claim.isError, JSON.stringify(claim.content)).toBeFalsy();
      const started = claim.structuredContent as { user_code: string; verification_uri: string };
      userCode = started.user_code;
      verificationUri = started.verification_uri;
      expect(userCode).toMatch(/^\d{6}$/);
      const pending = await client.callTool({ name: "opentrain_claim_status", arguments: {} });
      expect(pending.isError).toBeFalsy();
      expect((pending.structuredContent as { status: string }).status).toBe("pending");
    } finally {
      await client.close();
    }

    // 3. The human, in a real browser: open the link, sign in by email, enter the code.
    const page = await (await browser.newContext()).newPage();
    await page.goto(verificationUri);
    await expect(page.locator("#agent-name").textContent()).resolves.toBe("Journey agent");
    await page.click("form[action='/signin'] button[type=submit]");
    await page.locator("h1", { hasText: "Check your email" }).waitFor();
    await followSignInEmail(page, t.baseUrl, email);
    await page.locator("#userCode").waitFor();
    await page.fill("#userCode", userCode);
    await page.click("#accept");
    await expect(page.locator("#claim-success").textContent()).resolves.toContain("Journey Labs");

    // 4. The CLI polls, stores the post-claim token and drops the claim token.
    const status = await opentrain(["auth", "claim-status", "--wait", "--timeout", "60"]);
    expect(status.code, status.stderr).toBe(0);
    const after = credentials();
    expect(after.apiToken).toMatch(/^ot_pat_/);
    expect(after.apiToken).not.toBe(preClaimToken);
    expect(after.claimToken).toBeUndefined();

    // 5. whoami shows the post-claim scopes and the claimed account.
    const who = await opentrain(["whoami", "--json"]);
    expect(who.code, who.stderr).toBe(0);
    const me = JSON.parse(who.stdout);
    expect(me.token.scopes).toEqual(POST_CLAIM_SCOPES);
    expect(me.account).toMatchObject({ claimed: true, organizationName: "Journey Labs" });
    expect(me.actor.email).toBe(email);

    // 6. The pre-claim token is dead.
    const old = await opentrain(["whoami"], { OT_API_TOKEN: preClaimToken });
    expect(old.code).toBe(3);
    expect(old.stderr).toContain("Error (401 UNAUTHORIZED)");
  });
});
