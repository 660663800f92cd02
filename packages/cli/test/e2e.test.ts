/**
 * End-to-end: the BUILT `opentrain` binary as a subprocess against an in-process server
 * (`@opentrain-ai/testkit`, in-memory PGlite, sandbox mode), with a temporary XDG_CONFIG_HOME.
 * Needs the testkit built (`npm run build`); the CLI itself is (re)built incrementally here.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const CLI_DIR = resolve(here, "..");
const BIN = join(CLI_DIR, "dist/bin.js");
const TESTKIT = resolve(CLI_DIR, "../testkit/dist/index.js");
const TSC = resolve(CLI_DIR, "../../node_modules/typescript/bin/tsc");
const testkitBuilt = existsSync(TESTKIT);

if (!testkitBuilt) {
  process.stderr.write(`cli e2e skipped: ${TESTKIT} is missing; run "npm run build" first\n`);
}

/** Brings dist/ up to date with src/ (incremental, so a no-op after `npm run build`). */
function buildCli(): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    execFile(process.execPath, [TSC, "-b", CLI_DIR], { timeout: 120_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`building the CLI failed:\n${stdout}${stderr}`));
      else resolvePromise();
    });
  });
}

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

interface TestServer {
  baseUrl: string;
  sandboxSecret: string;
  close(): Promise<void>;
}

describe.skipIf(!testkitBuilt)("opentrain binary against a test server", () => {
  let server: TestServer;
  let configHome: string;
  let credentialsFile: string;

  /** Runs the binary; the environment is clean apart from what the test passes. */
  function cli(args: string[], extraEnv: Record<string, string> = {}): Promise<Result> {
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "",
      HOME: configHome,
      XDG_CONFIG_HOME: configHome,
      OPENTRAIN_SANDBOX_SECRET: server.sandboxSecret,
      OPENTRAIN_CLAIM_POLL_INTERVAL_MS: "50",
      NO_COLOR: "1",
      ...extraEnv,
    };
    return new Promise((resolvePromise) => {
      execFile(process.execPath, [BIN, ...args], { env, timeout: 60_000 }, (err, stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
        resolvePromise({ code, stdout, stderr });
      });
    });
  }

  const saved = () => JSON.parse(readFileSync(credentialsFile, "utf8")) as Record<string, string>;

  beforeAll(async () => {
    await buildCli();
    const testkit = (await import(TESTKIT)) as { startTestServer(): Promise<TestServer> };
    server = await testkit.startTestServer();
    configHome = mkdtempSync(join(tmpdir(), "opentrain-cli-e2e-"));
    credentialsFile = join(configHome, "opentrain", "cli.json");
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    if (configHome) rmSync(configHome, { recursive: true, force: true });
  });

  it("runs the whole onboarding journey", { timeout: 120_000 }, async () => {
    // Register: writes a 0600 file with apiToken, claimToken and baseUrl.
    const reg = await cli([
      "auth",
      "register",
      "--base-url",
      server.baseUrl,
      "--name",
      "E2E Agent",
      "--org-name",
      "E2E Org",
    ]);
    expect(reg.stderr).toBe("");
    expect(reg.code).toBe(0);
    expect(reg.stdout).toContain("opentrain auth claim --email <address>");
    expect(statSync(credentialsFile).mode & 0o777).toBe(0o600);
    const first = saved();
    expect(first.apiToken).toMatch(/^ot_pat_/);
    expect(first.claimToken).toMatch(/^ot_clm_/);
    expect(first.baseUrl).toBe(server.baseUrl.replace(/\/+$/, ""));
    const preClaimToken = first.apiToken as string;

    // A second register refuses without --force.
    const again = await cli(["auth", "register"]);
    expect(again.code).toBe(7);
    expect(again.stderr).toContain("--force");
    expect(saved().apiToken).toBe(preClaimToken);

    // whoami with the saved token and base URL.
    const who = await cli(["whoami"]);
    expect(who.code).toBe(0);
    expect(who.stdout).toMatch(/^Account:\s+E2E Org /m);
    expect(who.stdout).toMatch(/^Claimed:\s+no/m);

    // Claim: a 6-digit code to relay to the human.
    const claim = await cli(["auth", "claim", "--email", "x@example.com"]);
    expect(claim.stderr).toBe("");
    expect(claim.code).toBe(0);
    const code = /Code:\s+(\d{6})\b/.exec(claim.stdout)?.[1];
    expect(code).toMatch(/^\d{6}$/);

    // A single check before the human acted: pending, exit 10.
    const pending = await cli(["auth", "claim-status"]);
    expect(pending.code).toBe(10);
    expect(pending.stdout).toMatch(/^pending/);

    // The sandbox helper acts as the human.
    const done = await cli(["sandbox", "claims", "complete", code as string]);
    expect(done.stderr).toBe("");
    expect(done.code).toBe(0);

    // Waiting picks up the post-claim token and drops the claim token.
    const status = await cli(["auth", "claim-status", "--wait", "--timeout", "60"]);
    expect(status.stderr).toBe("");
    expect(status.code).toBe(0);
    const after = saved();
    expect(after.apiToken).toMatch(/^ot_pat_/);
    expect(after.apiToken).not.toBe(preClaimToken);
    expect(after.claimToken).toBeUndefined();
    expect(after.baseUrl).toBe(first.baseUrl);

    const me = await cli(["whoami", "--json"]);
    expect(me.code).toBe(0);
    const meJson = JSON.parse(me.stdout) as { token: { scopes: string[] }; account: { claimed: boolean } };
    expect(meJson.token.scopes).toContain("proposals:write");
    expect(meJson.account.claimed).toBe(true);

    // The pre-claim token was revoked by the claim.
    const old = await cli(["tokens", "list"], { OT_API_TOKEN: preClaimToken });
    expect(old.code).toBe(3);
    expect(old.stderr).toMatch(/^Error \(401 UNAUTHORIZED\)/);
    expect(old.stdout).toBe("");

    // Tokens: mint one as the human, list it, revoke it.
    const minted = await cli([
      "sandbox",
      "tokens",
      "create",
      "--scopes",
      "jobs:read,team:read",
      "--name",
      "e2e-extra",
      "--json",
    ]);
    expect(minted.stderr).toBe("");
    expect(minted.code).toBe(0);
    const mintedId = (JSON.parse(minted.stdout) as { metadata: { id: string } }).metadata.id;

    const list = await cli(["tokens", "list"]);
    expect(list.code).toBe(0);
    expect(list.stdout.split("\n")[0]).toBe("ID\tNAME\tPREVIEW\tSTATUS\tSCOPES\tLAST USED");
    expect(list.stdout).toContain("e2e-extra");

    const revoke = await cli(["tokens", "revoke", mintedId]);
    expect(revoke.stderr).toBe("");
    expect(revoke.code).toBe(0);
    expect(revoke.stdout).toContain("revoked");
    const listed = JSON.parse((await cli(["tokens", "list", "--json"])).stdout) as {
      tokens: { id: string; status: string }[];
    };
    expect(listed.tokens.find((t) => t.id === mintedId)?.status).toBe("revoked");

    const missing = await cli(["tokens", "revoke", "--token-id", "tok_does_not_exist", "--json"]);
    expect(missing.code).toBe(5);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toMatch(/^Error \(404 NOT_FOUND\)/);

    // Team.
    const team = await cli(["team", "show"]);
    expect(team.stderr).toBe("");
    expect(team.code).toBe(0);
    expect(team.stdout).toContain("E2E Org");
    const invite = await cli(["team", "invite", "someone@example.com"]);
    expect(invite.stderr).toBe("");
    expect(invite.code).toBe(0);
    expect(invite.stdout).toContain("someone@example.com");
    const teamJson = JSON.parse((await cli(["team", "show", "--json"])).stdout) as {
      team: { invites: { email: string }[]; members: { email: string | null }[] };
    };
    const emails = [...teamJson.team.invites.map((i) => i.email), ...teamJson.team.members.map((m) => m.email)];
    expect(emails).toContain("someone@example.com");

    // Logout removes the file; the CLI then has no token.
    const logout = await cli(["auth", "logout"]);
    expect(logout.code).toBe(0);
    expect(existsSync(credentialsFile)).toBe(false);
    const none = await cli(["tokens", "list", "--base-url", server.baseUrl]);
    expect(none.code).toBe(3);
    expect(none.stderr).toContain("No API token configured");
  });
});
