import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BASE_URL, call, connect, fakeFetch, tempConfigHome } from "./helpers.js";

const envelope = (status: number, code: string, error: string, details?: Record<string, unknown>) => ({
  status,
  body: { error, code, requestId: "req_test", ...(details ? { details } : {}) },
});

const TEAM = {
  team: {
    organization: { id: "org_1", name: "Acme", ownerUserId: "u1", ownerName: "Dana Ng" },
    members: [
      { userId: "u1", role: "OWNER", name: "Dana Ng", email: "dana@example.org", joinedAt: "2026-01-01T00:00:00.000Z" },
    ],
    invites: [],
  },
};

describe("error shaping and per-call settings (in-memory client ↔ server, fake fetch)", () => {
  let home: ReturnType<typeof tempConfigHome>;
  beforeEach(() => {
    home = tempConfigHome();
  });
  afterEach(() => home.cleanup());

  const env = (extra: Record<string, string> = {}) => ({
    XDG_CONFIG_HOME: home.dir,
    OPENTRAIN_API_BASE_URL: BASE_URL,
    ...extra,
  });
  const saveFile = (data: Record<string, unknown>) => {
    mkdirSync(dirname(home.credentialsFile), { recursive: true });
    writeFileSync(home.credentialsFile, JSON.stringify(data));
  };

  it("401 without credentials: status, code, message, envelope and how to get a token", async () => {
    const f = fakeFetch({ "GET /api/public/v1/auth/me": envelope(401, "UNAUTHORIZED", "Missing bearer token.") });
    const { client, close } = await connect({ env: env(), fetch: f.fetch });
    const r = await call(client, "opentrain_auth_status");
    await close();
    expect(r.isError).toBe(true);
    expect(r.text.split("\n")[0]).toBe("401 UNAUTHORIZED: Missing bearer token.");
    expect(r.text).toContain("opentrain_register_agent");
    expect(r.text).toContain("OPENTRAIN_PERSONAL_API_TOKEN");
    expect(r.data).toEqual({
      status: 401,
      error: "Missing bearer token.",
      code: "UNAUTHORIZED",
      requestId: "req_test",
      details: null,
    });
    expect(f.requests[0]!.headers.get("authorization")).toBeNull();
  });

  it("uses the env token over the file, and names it when it is rejected", async () => {
    saveFile({ apiToken: "ot_pat_file" });
    const f = fakeFetch({ "GET /api/public/v1/auth/me": envelope(401, "UNAUTHORIZED", "Token revoked.") });
    const { client, close } = await connect({
      env: env({ OPENTRAIN_PERSONAL_API_TOKEN: "ot_pat_env" }),
      fetch: f.fetch,
    });
    const r = await call(client, "opentrain_auth_status");
    await close();
    expect(f.requests[0]!.headers.get("authorization")).toBe("Bearer ot_pat_env");
    expect(r.text).toContain("The token in OPENTRAIN_PERSONAL_API_TOKEN was rejected");
  });

  it("re-reads the credentials file on every call (base URL and token)", async () => {
    const f = fakeFetch({ "GET /api/public/v1/team": { status: 200, body: TEAM } });
    const { client, close } = await connect({ env: { XDG_CONFIG_HOME: home.dir }, fetch: f.fetch });
    saveFile({ apiToken: "ot_pat_one", baseUrl: BASE_URL });
    await call(client, "opentrain_get_team");
    saveFile({ apiToken: "ot_pat_two", baseUrl: BASE_URL });
    const r = await call(client, "opentrain_get_team");
    await close();
    expect(f.requests.map((q) => q.headers.get("authorization"))).toEqual(["Bearer ot_pat_one", "Bearer ot_pat_two"]);
    expect(r.isError).toBe(false);
    expect(r.data).toEqual(TEAM);
    expect(r.text).toContain("Team Acme");
    expect(r.text).toContain("opentrain_invite_team_member");
  });

  it("missing scope: asks the human for a token with that scope, and mentions the claim for claim-granted scopes", async () => {
    saveFile({ apiToken: "ot_pat_x" });
    const f = fakeFetch({
      "POST /api/public/v1/team/invites": envelope(403, "FORBIDDEN", "Token lacks a required scope.", {
        reason: "insufficient_scope",
        requiredScopes: ["team:write"],
        grantedScopes: ["team:read"],
      }),
    });
    const { client, close } = await connect({ env: env(), fetch: f.fetch });
    const r = await call(client, "opentrain_invite_team_member", { email: "a@example.org" });
    await close();
    expect(r.isError).toBe(true);
    expect(r.text.split("\n")[0]).toBe("403 FORBIDDEN: Token lacks a required scope.");
    expect(r.text).toContain(
      'Details: {"reason":"insufficient_scope","requiredScopes":["team:write"],"grantedScopes":["team:read"]}',
    );
    expect(r.text).toMatch(/mint a token with team:write in Settings → API keys/);
    expect(r.text).toContain("opentrain_claim_account");
    expect(r.data).toMatchObject({ status: 403, code: "FORBIDDEN", details: { requiredScopes: ["team:write"] } });
    expect(JSON.parse(f.requests[0]!.body)).toEqual({ email: "a@example.org" });
  });

  it("account_claim_required: run the claim ceremony", async () => {
    saveFile({ apiToken: "ot_pat_x" });
    const f = fakeFetch({
      "POST /api/public/v1/team/invites": envelope(403, "FORBIDDEN", "This account must be claimed.", {
        reason: "account_claim_required",
        action: "invite team members",
        claimUrl: "http://api.test/claim",
      }),
    });
    const { client, close } = await connect({ env: env(), fetch: f.fetch });
    const r = await call(client, "opentrain_invite_team_member", { email: "a@example.org" });
    await close();
    expect(r.text).toContain("A human must claim this account first to invite team members");
    expect(r.text).toContain("opentrain_claim_account");
    expect(r.text).toContain("opentrain_claim_status");
  });

  it("feature off points at opentrain_capabilities; 404 and 409 get their own next steps", async () => {
    saveFile({ apiToken: "ot_pat_x" });
    const f = fakeFetch({
      "GET /api/public/v1/team": envelope(403, "FORBIDDEN", "Feature disabled.", {
        featureKey: "public_api_team",
        mode: "ALLOWLIST",
      }),
      "DELETE /api/public/v1/tokens/tok_missing": envelope(404, "NOT_FOUND", "Token not found.", {
        resource: "tokens",
        tokenId: "tok_missing",
      }),
      "DELETE /api/public/v1/tokens/tok_busy": envelope(409, "CONFLICT", "Cannot.", { reason: "token_limit_reached" }),
    });
    const { client, close } = await connect({ env: env(), fetch: f.fetch });
    const off = await call(client, "opentrain_get_team");
    const missing = await call(client, "opentrain_revoke_token", { tokenId: "tok_missing" });
    const conflict = await call(client, "opentrain_revoke_token", { tokenId: "tok_busy" });
    await close();
    expect(off.text).toContain("public_api_team feature is not enabled");
    expect(off.text).toContain("opentrain_capabilities");
    expect(missing.text.split("\n")[0]).toBe("404 NOT_FOUND: Token not found.");
    expect(missing.text).toContain("belongs to another account");
    expect(conflict.text).toContain("opentrain_revoke_token");
    expect(f.requests.map((q) => `${q.method} ${q.path}`)).toContain("DELETE /api/public/v1/tokens/tok_missing");
  });

  it("a non-JSON 5xx still becomes a shaped error", async () => {
    saveFile({ apiToken: "ot_pat_x" });
    const f = fakeFetch({ "GET /api/public/v1/tokens": { status: 500 } });
    const { client, close } = await connect({ env: env(), fetch: f.fetch, retryDelaysMs: [] });
    const r = await call(client, "opentrain_list_tokens");
    await close();
    expect(r.isError).toBe(true);
    expect(r.data).toMatchObject({ status: 500, code: "INTERNAL_ERROR" });
    expect(r.text).toContain("retry with backoff");
  });

  it("network failure: isError naming the base URL, never a thrown error", async () => {
    const failing = (async () => {
      throw new TypeError("fetch failed", {
        cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
      });
    }) as typeof fetch;
    const { client, close } = await connect({ env: env(), fetch: failing, retryDelaysMs: [] });
    const r = await call(client, "opentrain_register_agent", {});
    await close();
    expect(r.isError).toBe(true);
    expect(r.text.split("\n")[0]).toBe(
      `error NETWORK_ERROR: Could not reach the OpenTrain API at ${BASE_URL} (ECONNREFUSED).`,
    );
    expect(r.text).toContain("OPENTRAIN_API_BASE_URL");
    expect(r.data).toMatchObject({ status: null, code: "NETWORK_ERROR", details: { baseUrl: BASE_URL } });
  });

  it("an answer whose body cannot be read says the server was reached, not that it was unreachable", async () => {
    const unreadable = (async () =>
      new Response(
        new ReadableStream({
          pull(controller) {
            controller.error(new TypeError("terminated"));
          },
        }),
        { status: 201, headers: { "content-type": "application/json" } },
      )) as typeof fetch;
    const { client, close } = await connect({ env: env(), fetch: unreadable, retryDelaysMs: [] });
    const r = await call(client, "opentrain_register_agent", {});
    await close();
    expect(r.isError).toBe(true);
    expect(r.text.split("\n")[0]).toBe(
      `error NETWORK_ERROR: The OpenTrain API at ${BASE_URL} answered, but its answer could not be read (terminated).`,
    );
    expect(r.text).toContain("check whether it took effect");
    expect(r.data).toMatchObject({ status: null, details: { baseUrl: BASE_URL, requestSent: true, answered: true } });
  });

  it("a corrupt credentials file is an isError result that says how to fix it", async () => {
    mkdirSync(dirname(home.credentialsFile), { recursive: true });
    writeFileSync(home.credentialsFile, "{not json");
    const f = fakeFetch({});
    const { client, close } = await connect({ env: env(), fetch: f.fetch });
    const r = await call(client, "opentrain_list_tokens");
    await close();
    expect(r.isError).toBe(true);
    expect(r.data.code).toBe("CREDENTIALS_ERROR");
    expect(r.text).toContain(home.credentialsFile);
    expect(f.requests).toHaveLength(0);
  });

  it("invalid input is refused before any request", async () => {
    const f = fakeFetch({});
    const { client, close } = await connect({ env: env(), fetch: f.fetch });
    const r = await call(client, "opentrain_revoke_token", {});
    await close();
    expect(r.isError).toBe(true);
    expect(r.text).toContain("tokenId");
    expect(f.requests).toHaveLength(0);
  });

  it("wraps a non-object response so structuredContent is always an object", async () => {
    saveFile({ apiToken: "ot_pat_x" });
    const f = fakeFetch({ "GET /api/public/v1/tokens": { status: 200, body: [{ id: "tok_1" }] } });
    const { client, close } = await connect({ env: env(), fetch: f.fetch });
    const r = await call(client, "opentrain_list_tokens");
    await close();
    expect(r.isError).toBe(false);
    expect(r.data).toEqual({ items: [{ id: "tok_1" }] });
  });
});
