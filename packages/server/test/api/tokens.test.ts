import { PRE_CLAIM_SCOPES, SCOPES, operations } from "@opentrain-ai/contract";
import { claimedAgent, http, mintToken, registerAgent, startTestServer, type TestServer } from "@opentrain-ai/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const api = (method: string, path: string, token: string | null, json?: unknown) =>
  http(t.baseUrl, method, `/api/public/v1${path}`, { token, json });

describe("tokens", () => {
  it("lists the account's tokens newest first without secrets", async () => {
    const agent = await registerAgent(t, { agent_name: "Lister" });
    const res = await api("GET", "/tokens", agent.token);
    expect(res.status).toBe(200);
    expect(operations.tokensList.output.safeParse(res.body).success).toBe(true);
    expect(res.body.tokens).toHaveLength(1);
    const [tok] = res.body.tokens;
    expect(tok).toMatchObject({ status: "active", scopes: PRE_CLAIM_SCOPES, organizationId: agent.accountId });
    expect(tok.preview).toMatch(/^ot_pat_.{4}\*{8}.{4}$/);
    expect(agent.token.startsWith(tok.preview.slice(0, 11))).toBe(true);
    expect(JSON.stringify(res.body)).not.toContain(agent.token);
  });

  it("mints a token (201) that clones the caller's scopes and shows the secret once", async () => {
    const agent = await registerAgent(t);
    const res = await api("POST", "/tokens", agent.token, {});
    expect(res.status).toBe(201);
    expect(operations.tokensCreate.output.safeParse(res.body).success).toBe(true);
    expect(res.body).toMatchObject({ tokenType: "bearer", metadata: { name: "API token", status: "active" } });
    expect(res.body.metadata.scopes).toEqual(PRE_CLAIM_SCOPES);
    expect((await api("GET", "/auth/me", res.body.token)).status).toBe(200);
    const list = await api("GET", "/tokens", agent.token);
    expect(list.body.tokens[0].id).toBe(res.body.metadata.id);
  });

  it("narrows scopes, and :write covers :read", async () => {
    const agent = await registerAgent(t);
    const res = await api("POST", "/tokens", agent.token, { name: "reader", scopes: ["jobs:read"] });
    expect(res.status).toBe(201);
    expect(res.body.metadata.scopes).toEqual(["jobs:read"]);
    const narrow = await api("POST", "/tokens", res.body.token, { scopes: ["jobs:read"] });
    expect(narrow.status).toBe(201);
  });

  it("refuses scope escalation with 403", async () => {
    const agent = await registerAgent(t);
    const res = await api("POST", "/tokens", agent.token, { scopes: ["jobs:read", "payments:write"] });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: "FORBIDDEN", details: { requiredScopes: ["payments:write"] } });
  });

  it.each([
    ["unknown scope", { scopes: ["jobs:read", "root"] }, { unknownScopes: ["root"], supportedScopes: [...SCOPES] }],
    ["empty name", { name: "" }, { field: "name" }],
    ["name over 120 characters", { name: "x".repeat(121) }, { field: "name" }],
    ["scopes not an array", { scopes: "jobs:read" }, { field: "scopes" }],
    ["expiresAt not a date", { expiresAt: "tomorrow" }, { field: "expiresAt" }],
    ["expiresAt in the past", { expiresAt: "2020-01-01T00:00:00.000Z" }, { field: "expiresAt" }],
  ])("rejects %s with 400", async (_name, body, details) => {
    const agent = await registerAgent(t);
    const res = await api("POST", "/tokens", agent.token, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("BAD_REQUEST");
    expect(res.body.details).toMatchObject(details);
  });

  it("rejects a body that is not JSON", async () => {
    const agent = await registerAgent(t);
    const res = await fetch(`${t.baseUrl}/api/public/v1/tokens`, {
      method: "POST",
      headers: { authorization: `Bearer ${agent.token}`, "content-type": "application/json" },
      body: "{",
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "BAD_REQUEST", requestId: expect.any(String) });
  });

  it("expires tokens at expiresAt (virtual clock)", async () => {
    const own = await startTestServer();
    try {
      const agent = await registerAgent(own);
      const expiresAt = new Date(Date.now() + 3600_000).toISOString();
      const res = await http(own.baseUrl, "POST", "/api/public/v1/tokens", { token: agent.token, json: { expiresAt } });
      expect(res.body.metadata.expiresAt).toBe(expiresAt);
      await http(own.baseUrl, "POST", "/api/sandbox/v1/clock/advance", {
        token: own.sandboxSecret,
        json: { duration: "2h" },
      });
      expect((await http(own.baseUrl, "GET", "/api/public/v1/auth/me", { token: res.body.token })).status).toBe(401);
      const list = await http(own.baseUrl, "GET", "/api/public/v1/tokens", { token: agent.token });
      expect(list.body.tokens.find((x: { id: string }) => x.id === res.body.metadata.id).status).toBe("expired");
    } finally {
      await own.close();
    }
  });

  it("caps active tokens at 25 per account with 409 token_limit_reached", async () => {
    const agent = await registerAgent(t);
    const results = await Promise.all(Array.from({ length: 26 }, () => api("POST", "/tokens", agent.token, {})));
    const statuses = results.map((r) => r.status).sort();
    // One token already exists (the registration's), so 24 more fit: 2 of 26 concurrent mints fail.
    expect(statuses.filter((s) => s === 201)).toHaveLength(24);
    const refused = results.filter((r) => r.status === 409);
    expect(refused).toHaveLength(2);
    expect(refused[0]!.body.details).toEqual({ reason: "token_limit_reached", limit: 25 });
    // Revoking one frees a slot.
    const id = results.find((r) => r.status === 201)!.body.metadata.id;
    expect((await api("DELETE", `/tokens/${id}`, agent.token)).status).toBe(200);
    expect((await api("POST", "/tokens", agent.token, {})).status).toBe(201);
  });

  it("revokes by id: immediate, repeatable, and 404 for unknown or foreign ids", async () => {
    const a = await registerAgent(t);
    const b = await registerAgent(t);
    const minted = await api("POST", "/tokens", a.token, { name: "to revoke" });
    const id = minted.body.metadata.id;
    const foreign = await api("DELETE", `/tokens/${id}`, b.token);
    expect(foreign.status).toBe(404);
    expect(foreign.body.details).toEqual({ tokenId: id });
    const res = await api("DELETE", `/tokens/${id}`, a.token);
    expect(res.status).toBe(200);
    expect(res.body.token).toMatchObject({ id, status: "revoked", revokedAt: expect.any(String) });
    expect((await api("GET", "/auth/me", minted.body.token)).status).toBe(401);
    const again = await api("DELETE", `/tokens/${id}`, a.token);
    expect(again.status).toBe(200);
    expect(again.body.token.revokedAt).toBe(res.body.token.revokedAt);
    expect((await api("DELETE", "/tokens/tok_doesnotexist", a.token)).status).toBe(404);
  });

  it("lets a token revoke itself, after which it stops working", async () => {
    const agent = await registerAgent(t);
    const me = await api("GET", "/auth/me", agent.token);
    expect((await api("DELETE", `/tokens/${me.body.token.id}`, agent.token)).status).toBe(200);
    expect((await api("GET", "/tokens", agent.token)).status).toBe(401);
  });

  it("shows a member only their own tokens; an owner sees all", async () => {
    const owner = await claimedAgent(t);
    const ownerAll = await mintToken(t, owner.accountId, [...SCOPES]);
    const list = await api("GET", "/tokens", ownerAll);
    expect(list.body.tokens.length).toBeGreaterThanOrEqual(3);
  });
});

describe("auth/me", () => {
  it("matches the contract and reports the token's label and scopes", async () => {
    const agent = await claimedAgent(t, { agent_name: "Reporter" });
    const res = await api("GET", "/auth/me", agent.token);
    expect(res.status).toBe(200);
    expect(operations.authMe.output.safeParse(res.body).success).toBe(true);
    expect(res.body.token.label).toBe("Reporter (claimed)");
    expect(res.body.account).toMatchObject({ id: agent.accountId, claimed: true, memberRole: "OWNER" });
  });
});
