import { EXIT_CODES, exitCodeFor } from "@opentrain-ai/contract";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatApiError } from "../src/errors.js";
import { fakeFetch, ME, runCli, tempConfig, TOKEN_RECORD } from "./helpers.js";

const BASE = "http://api.test";
let cfg: ReturnType<typeof tempConfig>;
let env: Record<string, string>;

beforeEach(() => {
  cfg = tempConfig();
  env = { ...cfg.env, OT_API_BASE_URL: BASE };
});
afterEach(() => cfg.cleanup());

const withToken = () => ({ ...env, OT_API_TOKEN: "ot_pat_test" });
const ok = (body: unknown) => ({ status: 200, body });

describe("global behaviour", () => {
  it("prints usage with no arguments, and the version", async () => {
    const none = await runCli([]);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain("Usage: opentrain");
    const v = await runCli(["--version"]);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect((await runCli(["version"])).stdout).toBe(v.stdout);
    const help = await runCli(["help", "tokens"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: opentrain tokens");
    const deep = await runCli(["help", "tokens", "revoke"]);
    expect(deep.stdout).toContain("Usage: opentrain tokens revoke [options] [tokenId]");
    const unknown = await runCli(["help", "nope"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^Usage error: unknown command 'nope'/);
  });

  it("reports unknown commands and options as usage errors (exit 2)", async () => {
    const cmd = await runCli(["frobnicate"]);
    expect(cmd.code).toBe(EXIT_CODES.USAGE);
    expect(cmd.stderr).toMatch(/^Usage error: unknown command 'frobnicate'/);
    const opt = await runCli(["tokens", "list", "--bogus"], { env: withToken() });
    expect(opt.code).toBe(2);
    expect(opt.stderr).toMatch(/^Usage error: unknown option '--bogus'/);
    expect(opt.stderr).toContain('Run "opentrain tokens list --help"');
    expect(opt.stdout).toBe("");
  });

  it("reports a missing required flag and an invalid value as usage errors without calling the server", async () => {
    const f = fakeFetch(() => ok({}));
    const missing = await runCli(["auth", "claim"], { env, fetch: f.fetch });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^Usage error: missing required flag --email <email>/);
    const badEmail = await runCli(["team", "invite", "not-an-email"], { env: withToken(), fetch: f.fetch });
    expect(badEmail.code).toBe(2);
    expect(badEmail.stderr).toMatch(/^Usage error: --email: /);
    const noArg = await runCli(["tokens", "revoke"], { env: withToken(), fetch: f.fetch });
    expect(noArg.code).toBe(2);
    expect(noArg.stderr).toContain(
      "Usage error: missing <tokenId>: give it as an argument or with --token-id <tokenId>",
    );
    expect(f.requests).toHaveLength(0);
  });

  it("rejects a bad --base-url as a usage error", async () => {
    const r = await runCli(["--base-url", "ftp://x", "tokens", "list"], { env: withToken() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Usage error: Invalid base URL/);
  });
});

describe("token and base URL resolution", () => {
  it("fails with 401 and exit 3 when no token is configured, without calling the server", async () => {
    const f = fakeFetch(() => ok({ tokens: [] }));
    const r = await runCli(["tokens", "list"], { env, fetch: f.fetch });
    expect(r.code).toBe(EXIT_CODES.UNAUTHORIZED);
    expect(r.stderr).toBe(
      'Error (401 UNAUTHORIZED): No API token configured. Run "opentrain auth register" or "opentrain auth login --api-key <token>"\n',
    );
    expect(f.requests).toHaveLength(0);
  });

  it("sends the env token as a bearer token to the env base URL, and --base-url wins", async () => {
    const f = fakeFetch(() => ok({ tokens: [] }));
    await runCli(["tokens", "list"], { env: withToken(), fetch: f.fetch });
    expect(f.requests[0]?.url.href).toBe(`${BASE}/api/public/v1/tokens`);
    expect(f.requests[0]?.headers.authorization).toBe("Bearer ot_pat_test");
    await runCli(["tokens", "list", "--base-url", "http://other.test/"], { env: withToken(), fetch: f.fetch });
    expect(f.requests[1]?.url.href).toBe("http://other.test/api/public/v1/tokens");
  });

  it("maps positional arguments and flags to the request", async () => {
    const f = fakeFetch(() => ok({ token: { ...TOKEN_RECORD, status: "revoked" } }));
    await runCli(["tokens", "revoke", "tok_1"], { env: withToken(), fetch: f.fetch });
    await runCli(["tokens", "revoke", "--token-id", "tok_2"], { env: withToken(), fetch: f.fetch });
    expect(f.requests.map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
      "DELETE /api/public/v1/tokens/tok_1",
      "DELETE /api/public/v1/tokens/tok_2",
    ]);
  });
});

describe("errors", () => {
  it("formats API errors with details and maps the exit code", async () => {
    const details = { reason: "feature_disabled", feature: "public_api_team" };
    const f = fakeFetch(() => ({
      status: 403,
      body: {
        error: "The public_api_team feature is off for this account",
        code: "FORBIDDEN",
        requestId: "req_1",
        details,
      },
    }));
    const r = await runCli(["team", "show", "--json"], { env: withToken(), fetch: f.fetch });
    expect(r.code).toBe(EXIT_CODES.FORBIDDEN);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n").slice(0, 2)).toEqual([
      "Error (403 FORBIDDEN): The public_api_team feature is off for this account",
      `Details: ${JSON.stringify(details)}`,
    ]);
  });

  it("maps 404 to exit 5 and 401 to exit 3", async () => {
    const nf = fakeFetch(() => ({
      status: 404,
      body: { error: "Token not found", code: "NOT_FOUND", requestId: "r" },
    }));
    const r1 = await runCli(["tokens", "revoke", "tok_x"], { env: withToken(), fetch: nf.fetch });
    expect(r1.code).toBe(5);
    expect(r1.stderr).toBe("Error (404 NOT_FOUND): Token not found\n");
    const un = fakeFetch(() => ({
      status: 401,
      body: { error: "Invalid token", code: "UNAUTHORIZED", requestId: "r" },
    }));
    const r2 = await runCli(["whoami"], { env: withToken(), fetch: un.fetch });
    expect(r2.code).toBe(3);
    expect(r2.stderr).toMatch(/^Error \(401 UNAUTHORIZED\): Invalid token\n/);
  });

  it("reports network failures as Error (network), exit 9", async () => {
    const failing = (async () => {
      throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    }) as typeof fetch;
    const r = await runCli(["tokens", "list"], { env: withToken(), fetch: failing });
    expect(r.code).toBe(EXIT_CODES.NETWORK);
    expect(r.stderr).toMatch(/^Error \(network\): Could not reach http:\/\/api\.test \(ECONNREFUSED\)/);
  });

  it("formats an error line with and without details", () => {
    expect(formatApiError({ name: "ApiError", status: 409, code: "CONFLICT", message: "Busy" })).toEqual([
      "Error (409 CONFLICT): Busy",
    ]);
    expect(
      formatApiError({
        name: "ApiError",
        status: 400,
        code: "BAD_REQUEST",
        message: "Bad",
        details: { field: "email" },
      }),
    ).toEqual(["Error (400 BAD_REQUEST): Bad", 'Details: {"field":"email"}']);
  });

  it("uses the contract's exit-code map", () => {
    expect(exitCodeFor("UNAUTHORIZED", 401)).toBe(3);
    expect(exitCodeFor("FORBIDDEN", 403)).toBe(4);
    expect(exitCodeFor("NOT_FOUND", 404)).toBe(5);
    expect(exitCodeFor("BAD_REQUEST", 400)).toBe(6);
    expect(exitCodeFor("CONFLICT", 409)).toBe(7);
    expect(exitCodeFor("RATE_LIMITED", 429)).toBe(8);
    expect(exitCodeFor("INTERNAL_ERROR", 500)).toBe(9);
    expect(exitCodeFor("authorization_pending", 400)).toBe(10);
    expect(exitCodeFor("expired_token", 400)).toBe(6);
  });
});

describe("output", () => {
  const tokens = [
    TOKEN_RECORD,
    { ...TOKEN_RECORD, id: "tok_2", name: "CI", scopes: ["webhooks:manage"], lastUsedAt: "2026-01-02T10:00:00.000Z" },
  ];

  it("renders tokens list as an aligned table on a terminal", async () => {
    const f = fakeFetch(() => ok({ tokens }));
    const r = await runCli(["tokens", "list"], { env: withToken(), fetch: f.fetch, tty: true });
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^ID\s+NAME\s+PREVIEW\s+STATUS\s+SCOPES\s+LAST USED$/);
    expect(lines[1]).toMatch(
      /^tok_1\s+Agent registration\s+ot_pat_8f2a\*+91cd\s+active\s+jobs:read, jobs:write\s+never$/,
    );
    expect(lines[0]?.indexOf("NAME")).toBe(lines[1]?.indexOf("Agent"));
    expect(r.stdout).not.toContain("\t");
  });

  it("renders tokens list tab-separated when piped, without ANSI escapes", async () => {
    const f = fakeFetch(() => ok({ tokens }));
    const r = await runCli(["tokens", "list"], { env: withToken(), fetch: f.fetch, tty: false });
    expect(r.stdout.split("\n")[0]).toBe("ID\tNAME\tPREVIEW\tSTATUS\tSCOPES\tLAST USED");
    expect(r.stdout.split("\n")[2]).toBe(
      "tok_2\tCI\tot_pat_8f2a********91cd\tactive\twebhooks:manage\t2026-01-02T10:00:00.000Z",
    );
    expect(r.stdout).not.toContain("\u001b[");
  });

  it("prints the raw API JSON with 2-space indentation for --json", async () => {
    const f = fakeFetch(() => ok({ tokens }));
    const r = await runCli(["tokens", "list", "--json"], { env: withToken(), fetch: f.fetch, tty: true });
    expect(r.stdout).toBe(`${JSON.stringify({ tokens }, null, 2)}\n`);
    const before = await runCli(["--json", "tokens", "list"], { env: withToken(), fetch: f.fetch });
    expect(JSON.parse(before.stdout)).toEqual({ tokens });
  });

  it("renders whoami as a summary", async () => {
    const f = fakeFetch(() => ok(ME));
    const r = await runCli(["whoami"], { env: withToken(), fetch: f.fetch });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^User:\s+Claude Code \(agent, no email yet\)$/m);
    expect(r.stdout).toMatch(/^Account:\s+Acme Labs \(org_1\)$/m);
    expect(r.stdout).toMatch(/^Claimed:\s+no/m);
    expect(r.stdout).toMatch(/^Token:\s+Agent registration \(tok_1\)$/m);
    expect(r.stdout).toMatch(/^Scopes:\s+jobs:read, jobs:write$/m);
  });

  it("renders team show with members and invites", async () => {
    const team = {
      organization: { id: "org_1", name: "Acme Labs", ownerUserId: "usr_1", ownerName: "Jane Doe" },
      members: [
        {
          userId: "usr_1",
          role: "OWNER",
          name: "Jane Doe",
          email: "jane@example.com",
          joinedAt: "2026-01-01T09:00:00.000Z",
        },
      ],
      invites: [],
    };
    const f = fakeFetch(() => ok({ team }));
    const r = await runCli(["team", "show"], { env: withToken(), fetch: f.fetch, tty: true });
    expect(r.stdout).toContain("Organization:  Acme Labs (org_1)");
    expect(r.stdout).toContain("Members (1)");
    expect(r.stdout).toMatch(/Jane Doe\s+jane@example\.com\s+OWNER/);
    expect(r.stdout).toContain("No pending invites.");
  });

  it("renders other operations generically: lists as tables, objects as key/value lines", async () => {
    // `capabilities` has no layout of its own; the bodies stand in for any list and any object.
    const bodies = [
      {
        data: [{ id: "evt_1", type: "job.published", createdAt: "2026-01-01T00:00:00.000Z", data: { jobId: "job_1" } }],
        nextCursor: "evt_1",
        hasMore: true,
      },
      { id: "apr_1", status: "pending", approvalUrl: "http://x/approvals/apr_1", result: null },
    ];
    const f = fakeFetch(() => ok(bodies.shift()));
    const list = await runCli(["capabilities"], { env: withToken(), fetch: f.fetch, tty: true });
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^ID\s+TYPE\s+CREATED AT\s+DATA\.JOB ID$/m);
    expect(list.stdout).toMatch(/^nextCursor:\s+evt_1$/m);
    expect(list.stdout).toContain("--cursor evt_1");
    const one = await runCli(["capabilities"], { env: withToken(), fetch: f.fetch });
    expect(one.stdout).toMatch(/^status:\s+pending$/m);
    expect(one.stdout).toContain("a signed-in human must confirm this");
  });
});

describe("auth register / login / logout", () => {
  const registration = {
    identity_type: "anonymous",
    registration_id: "reg_1",
    access_token: "ot_pat_new",
    token_type: "bearer",
    scopes: ["jobs:read", "jobs:write"],
    claim_token: "ot_clm_new",
    claim_token_expires_at: "2026-01-02T09:00:00.000Z",
    claim_endpoint: `${BASE}/api/agent/identity/claim`,
    token_endpoint: `${BASE}/api/agent/oauth/token`,
    grant_type: "urn:opentrain:agent-auth:grant-type:claim",
  };
  const server = () =>
    fakeFetch((req) => {
      if (req.url.pathname === "/api/agent/identity") return ok(registration);
      if (req.url.pathname === "/api/public/v1/auth/me") return ok(ME);
      return undefined;
    });

  it("writes a 0600 credentials file and refuses to overwrite it without --force", async () => {
    const f = server();
    const r = await runCli(["auth", "register", "--name", "Claude Code", "--org-name", "Acme Labs"], {
      env,
      fetch: f.fetch,
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(f.requests[0]?.body ?? "{}")).toEqual({
      identity_type: "anonymous",
      agent_name: "Claude Code",
      organization_name: "Acme Labs",
    });
    const file = join(cfg.dir, "opentrain", "cli.json");
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({
      apiToken: "ot_pat_new",
      claimToken: "ot_clm_new",
      baseUrl: BASE,
    });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(r.stdout).toContain("opentrain auth claim --email <address>");
    expect(r.stdout).toContain("Acme Labs (org_1)");
    expect(r.stdout).not.toContain("ot_pat_new");

    const again = await runCli(["auth", "register"], { env, fetch: f.fetch });
    expect(again.code).toBe(EXIT_CODES.CONFLICT);
    expect(again.stderr).toMatch(/^Error \(CONFLICT\): Credentials are already saved/);
    expect(again.stderr).toContain("--force");

    const forced = await runCli(["auth", "register", "--force", "--json"], { env, fetch: f.fetch });
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({
      status: "registered",
      accountId: "org_1",
      registrationId: "reg_1",
    });
  });

  it("logs in with --api-key or a token on stdin after checking it, and logs out", async () => {
    const f = server();
    const r = await runCli(["auth", "login", "--api-key", "ot_pat_given"], { env, fetch: f.fetch });
    expect(r.code).toBe(0);
    expect(f.requests[0]?.headers.authorization).toBe("Bearer ot_pat_given");
    const file = join(cfg.dir, "opentrain", "cli.json");
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ apiToken: "ot_pat_given", baseUrl: BASE });

    const piped = await runCli(["auth", "login"], { env, fetch: f.fetch, stdin: "ot_pat_piped\n" });
    expect(piped.code).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8")).apiToken).toBe("ot_pat_piped");

    const out = await runCli(["auth", "logout"], { env });
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("stays valid");
    expect(existsSync(file)).toBe(false);
  });

  it("does not save a token the server rejects", async () => {
    const f = fakeFetch(() => ({
      status: 401,
      body: { error: "Invalid token", code: "UNAUTHORIZED", requestId: "r" },
    }));
    const r = await runCli(["auth", "login", "--token", "ot_pat_bad"], { env, fetch: f.fetch });
    expect(r.code).toBe(3);
    expect(existsSync(join(cfg.dir, "opentrain", "cli.json"))).toBe(false);
  });
});

describe("auth claim and claim-status", () => {
  const saved = async () => {
    const f = fakeFetch(() => undefined);
    await runCli(["auth", "logout"], { env, fetch: f.fetch });
    const { writeCredentials } = await import("@opentrain-ai/sdk");
    writeCredentials({ apiToken: "ot_pat_pre", claimToken: "ot_clm_1", baseUrl: BASE }, env);
  };
  const oauth = (error: string) => ({ status: 400, body: { error, error_description: `${error} description` } });
  const granted = ok({
    access_token: "ot_pat_post",
    token_type: "bearer",
    scopes: ["jobs:read", "proposals:write"],
  });

  it("shows the link and the 6-digit code", async () => {
    await saved();
    const f = fakeFetch(() =>
      ok({
        user_code: "439218",
        verification_uri: `${BASE}/claim?token=ot_cat_1`,
        expires_in: 1800,
        interval: 5,
        email_sent: true,
      }),
    );
    const r = await runCli(["auth", "claim", "--email", "owner@example.com"], { env, fetch: f.fetch });
    expect(r.code).toBe(0);
    expect(JSON.parse(f.requests[0]?.body ?? "{}")).toEqual({ claim_token: "ot_clm_1", email: "owner@example.com" });
    expect(r.stdout).toMatch(/Code:\s+439218/);
    expect(r.stdout).toContain(`${BASE}/claim?token=ot_cat_1`);
    expect(r.stdout).toContain("30 min");
    expect(r.stdout).toContain("opentrain auth claim-status --wait");
  });

  it("reports pending with exit 10 on a single check, posting the form-encoded grant", async () => {
    await saved();
    const f = fakeFetch(() => oauth("authorization_pending"));
    const r = await runCli(["auth", "claim-status"], { env, fetch: f.fetch });
    expect(r.code).toBe(EXIT_CODES.PENDING);
    expect(r.stdout).toMatch(/^pending/);
    expect(f.requests[0]?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(new URLSearchParams(f.requests[0]?.body).get("grant_type")).toBe(
      "urn:opentrain:agent-auth:grant-type:claim",
    );
    expect(new URLSearchParams(f.requests[0]?.body).get("claim_token")).toBe("ot_clm_1");
  });

  it("waits (5 s, +5 s after slow_down), then stores the new token and drops the claim token", async () => {
    await saved();
    const answers = [oauth("authorization_pending"), oauth("slow_down"), granted];
    const f = fakeFetch(() => answers.shift());
    const sleeps: number[] = [];
    const r = await runCli(["auth", "claim-status", "--wait"], {
      env,
      fetch: f.fetch,
      sleep: async (ms) => void sleeps.push(ms),
      tty: false,
    });
    expect(r.code).toBe(0);
    expect(sleeps).toEqual([5000, 10000]);
    expect(r.stderr).toBe(""); // no progress when stderr is not a terminal
    const file = JSON.parse(readFileSync(join(cfg.dir, "opentrain", "cli.json"), "utf8"));
    expect(file).toEqual({ apiToken: "ot_pat_post", baseUrl: BASE });
    expect(r.stdout).toContain("proposals:write");
  });

  it("shows progress on a terminal and honours OPENTRAIN_CLAIM_POLL_INTERVAL_MS", async () => {
    await saved();
    const answers = [oauth("authorization_pending"), granted];
    const f = fakeFetch(() => answers.shift());
    const sleeps: number[] = [];
    const r = await runCli(["auth", "claim-status", "--wait"], {
      env: { ...env, OPENTRAIN_CLAIM_POLL_INTERVAL_MS: "20" },
      fetch: f.fetch,
      sleep: async (ms) => void sleeps.push(ms),
      tty: true,
    });
    expect(r.code).toBe(0);
    expect(sleeps).toEqual([20]);
    expect(r.stderr).toContain("Waiting for the human");
  });

  it("keeps waiting through a network failure", async () => {
    await saved();
    let calls = 0;
    const f = fakeFetch(() => granted);
    const flaky = (async (input: string | URL | Request, init?: RequestInit) => {
      if (++calls === 1) throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } });
      return f.fetch(input, init);
    }) as typeof fetch;
    const r = await runCli(["auth", "claim-status", "--wait"], { env, fetch: flaky });
    expect(r.code).toBe(0);
    expect(calls).toBe(2);
  });

  it("times out with exit 10", async () => {
    await saved();
    const f = fakeFetch(() => oauth("authorization_pending"));
    let t = 0;
    const r = await runCli(["auth", "claim-status", "--wait", "--timeout", "12"], {
      env,
      fetch: f.fetch,
      now: () => t,
      sleep: async (ms) => void (t += ms),
    });
    expect(r.code).toBe(EXIT_CODES.PENDING);
    expect(f.requests).toHaveLength(3); // at 0 s, 5 s and 10 s
    expect(r.stderr).toMatch(/^Error \(pending\): Timed out after 12 s/);
  });

  it("fails on expired_token and invalid_grant", async () => {
    await saved();
    const exp = await runCli(["auth", "claim-status", "--wait"], {
      env,
      fetch: fakeFetch(() => oauth("expired_token")).fetch,
    });
    expect(exp.code).toBe(6);
    expect(exp.stderr).toMatch(/^Error \(400 expired_token\): expired_token description/);
    const inv = await runCli(["auth", "claim-status"], { env, fetch: fakeFetch(() => oauth("invalid_grant")).fetch });
    expect(inv.code).toBe(6);
    const denied = await runCli(["auth", "claim-status"], {
      env,
      fetch: fakeFetch(() => oauth("access_denied")).fetch,
    });
    expect(denied.code).toBe(4);
  });

  it("needs a claim token", async () => {
    const r = await runCli(["auth", "claim-status"], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Usage error: no claim token/);
  });
});

describe("sandbox helpers", () => {
  it("needs the sandbox secret", async () => {
    const r = await runCli(["sandbox", "clock"], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^Usage error: the sandbox secret is missing: pass --sandbox-secret <secret> or set OPENTRAIN_SANDBOX_SECRET/,
    );
  });

  it("advances the clock by a duration or a number of seconds", async () => {
    const f = fakeFetch(() => ok({ now: "2026-01-04T09:00:00.000Z", offsetSeconds: 259200 }));
    const e = { ...env, OPENTRAIN_SANDBOX_SECRET: "sek" };
    expect((await runCli(["sandbox", "clock", "advance", "72h"], { env: e, fetch: f.fetch })).code).toBe(0);
    expect(
      (await runCli(["sandbox", "clock", "advance", "90", "--sandbox-secret", "s2"], { env, fetch: f.fetch })).code,
    ).toBe(0);
    expect(JSON.parse(f.requests[0]?.body ?? "")).toEqual({ duration: "72h" });
    expect(f.requests[0]?.headers.authorization).toBe("Bearer sek");
    expect(JSON.parse(f.requests[1]?.body ?? "")).toEqual({ seconds: 90 });
    expect(f.requests[1]?.headers.authorization).toBe("Bearer s2");
    const bad = await runCli(["sandbox", "clock", "advance", "soon"], { env: e, fetch: f.fetch });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^Usage error: invalid duration "soon"/);
  });

  it("sets feature flags from flag=on|off pairs for the saved token's account", async () => {
    const f = fakeFetch((req) =>
      req.url.pathname === "/api/public/v1/auth/me"
        ? ok(ME)
        : ok({ accountId: "org_1", features: { public_api_hiring: false, public_api_team: true } }),
    );
    const e = { ...withToken(), OPENTRAIN_SANDBOX_SECRET: "sek" };
    const r = await runCli(["sandbox", "features", "set", "public_api_hiring=off", "public_api_team=true"], {
      env: e,
      fetch: f.fetch,
    });
    expect(r.code).toBe(0);
    expect(f.requests[1]?.method).toBe("PUT");
    expect(f.requests[1]?.url.pathname).toBe("/api/sandbox/v1/accounts/org_1/features");
    expect(JSON.parse(f.requests[1]?.body ?? "")).toEqual({ public_api_hiring: false, public_api_team: true });
    const bad = await runCli(["sandbox", "features", "set", "--account-id", "org_1", "warp_drive=on"], {
      env: e,
      fetch: f.fetch,
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown feature flag "warp_drive"');
  });

  it("mints a token for an explicit account", async () => {
    const f = fakeFetch(() => ({
      status: 201,
      body: { token: "ot_pat_minted", tokenType: "bearer", metadata: TOKEN_RECORD },
    }));
    const e = { ...env, OPENTRAIN_SANDBOX_SECRET: "sek" };
    const r = await runCli(
      ["sandbox", "tokens", "create", "--scopes", "payments:write,webhooks:manage", "--account-id", "org_9"],
      {
        env: e,
        fetch: f.fetch,
      },
    );
    expect(r.code).toBe(0);
    expect(f.requests[0]?.url.pathname).toBe("/api/sandbox/v1/accounts/org_9/tokens");
    expect(JSON.parse(f.requests[0]?.body ?? "")).toEqual({ scopes: ["payments:write", "webhooks:manage"] });
    expect(r.stdout).toContain("ot_pat_minted");
  });
});
