import { CLAIM_GRANT_TYPE, POST_CLAIM_SCOPES, PRE_CLAIM_SCOPES, operations } from "@opentrain-ai/contract";
import { http, registerAgent, sandbox, startTestServer, uniqueEmail, type TestServer } from "@opentrain-ai/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const poll = (claimToken: string | null, grantType: string | null = CLAIM_GRANT_TYPE) => {
  const form: Record<string, string> = {};
  if (grantType !== null) form.grant_type = grantType;
  if (claimToken !== null) form.claim_token = claimToken;
  return http(t.baseUrl, "POST", "/api/agent/oauth/token", { form });
};
const startClaim = (claimToken: string, email: string) =>
  http(t.baseUrl, "POST", "/api/agent/identity/claim", { json: { claim_token: claimToken, email } });

describe("POST /api/agent/identity", () => {
  it("registers an unclaimed account with pre-claim scopes and a 24 h claim window", async () => {
    const res = await http(t.baseUrl, "POST", "/api/agent/identity", {
      json: { identity_type: "anonymous", agent_name: "Scout", organization_name: "Acme Labs" },
    });
    expect(res.status).toBe(200);
    expect(operations.agentAuthRegister.output.safeParse(res.body).success).toBe(true);
    expect(res.body.access_token).toMatch(/^ot_pat_/);
    expect(res.body.claim_token).toMatch(/^ot_clm_/);
    expect(res.body.scopes).toEqual(PRE_CLAIM_SCOPES);
    expect(res.body.claim_endpoint).toBe(`${t.baseUrl}/api/agent/identity/claim`);
    expect(res.body.token_endpoint).toBe(`${t.baseUrl}/api/agent/oauth/token`);
    const window = Date.parse(res.body.claim_token_expires_at) - Date.now();
    expect(window).toBeGreaterThan(23.9 * 3600_000);
    expect(window).toBeLessThan(24.1 * 3600_000);
    expect(res.headers.get("cache-control")).toBe("no-store");

    const me = await http(t.baseUrl, "GET", "/api/public/v1/auth/me", { token: res.body.access_token });
    expect(me.status).toBe(200);
    expect(me.body.account).toMatchObject({ claimed: false, organizationName: "Acme Labs", memberRole: "OWNER" });
    expect(me.body.actor).toMatchObject({ email: null, userType: "EMPLOYER", fullName: "Scout" });
  });

  it("accepts an empty body and no body at all", async () => {
    expect((await http(t.baseUrl, "POST", "/api/agent/identity", { json: {} })).status).toBe(200);
    expect((await http(t.baseUrl, "POST", "/api/agent/identity")).status).toBe(200);
  });

  it("refuses other identity types in the OAuth shape", async () => {
    const res = await http(t.baseUrl, "POST", "/api/agent/identity", { json: { identity_type: "service" } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: "unsupported_identity_type",
      error_description: expect.stringContaining("service"),
    });
  });

  it("answers invalid JSON with invalid_request, never the envelope", async () => {
    const res = await fetch(`${t.baseUrl}/api/agent/identity`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "invalid_request", error_description: expect.any(String) });
  });

  it("rate limits registrations per IP with rate_limit_exceeded and Retry-After", async () => {
    const limited = await startTestServer({ env: { OPENTRAIN_AGENT_AUTH_RATE_LIMIT_PER_MINUTE: "2" } });
    try {
      for (let i = 0; i < 2; i++) expect((await http(limited.baseUrl, "POST", "/api/agent/identity")).status).toBe(200);
      const res = await http(limited.baseUrl, "POST", "/api/agent/identity");
      expect(res.status).toBe(429);
      expect(res.body.error).toBe("rate_limit_exceeded");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});

describe("POST /api/agent/identity/claim", () => {
  it("starts an attempt: 6-digit code, verification URI, 1800 s, interval; emails the human", async () => {
    const agent = await registerAgent(t, { agent_name: "Mailer" });
    const email = uniqueEmail();
    const res = await startClaim(agent.claimToken, email);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      user_code: expect.stringMatching(/^\d{6}$/),
      verification_uri: expect.stringMatching(new RegExp(`^${t.baseUrl}/claim\\?token=ot_cat_`)),
      expires_in: 1800,
      interval: 0,
      email_sent: true,
    });
  });

  it.each([
    ["claim_token missing", { email: "a@example.org" }],
    ["email missing", { claim_token: "ot_clm_x" }],
    ["claim_token unknown", { claim_token: "ot_clm_unknown", email: "a@example.org" }],
  ])("%s → 400 invalid_request", async (_name, body) => {
    const res = await http(t.baseUrl, "POST", "/api/agent/identity/claim", { json: body });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe("invalid_request");
  });

  it("rejects an invalid email", async () => {
    const agent = await registerAgent(t);
    const res = await startClaim(agent.claimToken, "not-an-email");
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: "invalid_request", error_description: expect.stringContaining("email") });
  });

  it("refuses an email that already belongs to an account (email_already_registered)", async () => {
    const first = await registerAgent(t);
    const email = uniqueEmail();
    const start = await startClaim(first.claimToken, email);
    await sandbox(t, "POST", "/claims/complete", { userCode: start.body.user_code });
    const second = await registerAgent(t);
    const res = await startClaim(second.claimToken, email.toUpperCase());
    expect(res.status).toBe(400);
    expect(res.body.error).toBe("invalid_request");
    expect(res.body.error_description).toContain("email_already_registered");
  });

  it("restarting supersedes the previous attempt and its code", async () => {
    const agent = await registerAgent(t);
    const email = uniqueEmail();
    const first = await startClaim(agent.claimToken, email);
    const second = await startClaim(agent.claimToken, email);
    expect(second.body.verification_uri).not.toBe(first.body.verification_uri);
    const old = await sandbox(t, "POST", "/claims/complete", { verificationUri: first.body.verification_uri });
    expect(old.status).toBe(409);
    const ok = await sandbox(t, "POST", "/claims/complete", { verificationUri: second.body.verification_uri });
    expect(ok.status).toBe(200);
  });

  it("refuses once the 24 h claim window has closed (virtual clock)", async () => {
    const own = await startTestServer();
    try {
      const agent = await registerAgent(own);
      await sandbox(own, "POST", "/clock/advance", { duration: "25h" });
      const res = await http(own.baseUrl, "POST", "/api/agent/identity/claim", {
        json: { claim_token: agent.claimToken, email: uniqueEmail() },
      });
      expect(res.status).toBe(400);
      expect(res.body.error_description).toContain("claim window closed");
    } finally {
      await own.close();
    }
  });
});

describe("POST /api/agent/oauth/token", () => {
  it("is pending until the human accepts, then delivers the post-claim token exactly once", async () => {
    const agent = await registerAgent(t, { agent_name: "Poller" });
    const start = await startClaim(agent.claimToken, uniqueEmail());
    const pending = await poll(agent.claimToken);
    expect(pending.status).toBe(400);
    expect(pending.body.error).toBe("authorization_pending");

    // The pre-claim token keeps working until the post-claim token is delivered.
    await sandbox(t, "POST", "/claims/complete", { userCode: start.body.user_code });
    expect((await http(t.baseUrl, "GET", "/api/public/v1/auth/me", { token: agent.token })).status).toBe(200);

    const ok = await poll(agent.claimToken);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({
      access_token: expect.stringMatching(/^ot_pat_/),
      token_type: "bearer",
      scopes: POST_CLAIM_SCOPES,
    });
    expect(ok.headers.get("cache-control")).toBe("no-store");

    const again = await poll(agent.claimToken);
    expect(again.status).toBe(400);
    expect(again.body.error).toBe("invalid_grant");

    const old = await http(t.baseUrl, "GET", "/api/public/v1/auth/me", { token: agent.token });
    expect(old.status).toBe(401);
    const me = await http(t.baseUrl, "GET", "/api/public/v1/auth/me", { token: ok.body.access_token });
    expect(me.body.account.claimed).toBe(true);
    expect(me.body.token.scopes).toEqual(POST_CLAIM_SCOPES);
    expect(me.body.actor.email).toMatch(/@example\.org$/);
    // The agent placeholder left the team; the human owns it.
    const team = await http(t.baseUrl, "GET", "/api/public/v1/team", { token: ok.body.access_token });
    expect(team.body.team.members).toEqual([expect.objectContaining({ role: "OWNER", email: me.body.actor.email })]);
  });

  it("revokes tokens minted with the pre-claim token too", async () => {
    const agent = await registerAgent(t);
    const minted = await http(t.baseUrl, "POST", "/api/public/v1/tokens", {
      token: agent.token,
      json: { name: "copy" },
    });
    expect(minted.status).toBe(201);
    const start = await startClaim(agent.claimToken, uniqueEmail());
    await sandbox(t, "POST", "/claims/complete", { userCode: start.body.user_code });
    expect((await poll(agent.claimToken)).status).toBe(200);
    expect((await http(t.baseUrl, "GET", "/api/public/v1/auth/me", { token: minted.body.token })).status).toBe(401);
  });

  it("answers slow_down when polled faster than the interval, and lengthens it", async () => {
    const slow = await startTestServer({ env: { OPENTRAIN_CLAIM_POLL_INTERVAL_SECONDS: "5" } });
    try {
      const agent = await registerAgent(slow);
      const start = await http(slow.baseUrl, "POST", "/api/agent/identity/claim", {
        json: { claim_token: agent.claimToken, email: uniqueEmail() },
      });
      expect(start.body.interval).toBe(5);
      const form = { grant_type: CLAIM_GRANT_TYPE, claim_token: agent.claimToken };
      const first = await http(slow.baseUrl, "POST", "/api/agent/oauth/token", { form });
      expect(first.body.error).toBe("authorization_pending");
      const second = await http(slow.baseUrl, "POST", "/api/agent/oauth/token", { form });
      expect(second.body.error).toBe("slow_down");
      expect(second.body.error_description).toContain("10 seconds");
      await sandbox(slow, "POST", "/clock/advance", { seconds: 11 });
      const third = await http(slow.baseUrl, "POST", "/api/agent/oauth/token", { form });
      expect(third.body.error).toBe("authorization_pending");
    } finally {
      await slow.close();
    }
  });

  it("answers expired_token when the 30-minute attempt lapsed and when the 24 h window closed", async () => {
    const own = await startTestServer();
    try {
      const agent = await registerAgent(own);
      await http(own.baseUrl, "POST", "/api/agent/identity/claim", {
        json: { claim_token: agent.claimToken, email: uniqueEmail() },
      });
      const form = { grant_type: CLAIM_GRANT_TYPE, claim_token: agent.claimToken };
      await sandbox(own, "POST", "/clock/advance", { duration: "31m" });
      const lapsed = await http(own.baseUrl, "POST", "/api/agent/oauth/token", { form });
      expect(lapsed.body.error).toBe("expired_token");
      expect(lapsed.body.error_description).toContain("attempt expired");
      // A new attempt inside the window works again.
      const restart = await http(own.baseUrl, "POST", "/api/agent/identity/claim", {
        json: { claim_token: agent.claimToken, email: uniqueEmail() },
      });
      expect(restart.status).toBe(200);
      await sandbox(own, "POST", "/clock/advance", { duration: "24h" });
      const closed = await http(own.baseUrl, "POST", "/api/agent/oauth/token", { form });
      expect(closed.body.error).toBe("expired_token");
      expect(closed.body.error_description).toContain("24-hour");
    } finally {
      await own.close();
    }
  });

  it.each([
    ["unknown claim token", "ot_clm_nope", CLAIM_GRANT_TYPE, "invalid_grant"],
    ["wrong grant type", "ot_clm_nope", "authorization_code", "unsupported_grant_type"],
    ["missing claim token", null, CLAIM_GRANT_TYPE, "invalid_request"],
    ["missing grant type", "ot_clm_nope", null, "invalid_request"],
  ])("%s → 400 %s", async (_name, claimToken, grantType, error) => {
    const res = await poll(claimToken, grantType);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error, error_description: expect.any(String) });
  });

  it("answers authorization_pending before any claim was started", async () => {
    const agent = await registerAgent(t);
    const res = await poll(agent.claimToken);
    expect(res.body.error).toBe("authorization_pending");
    expect(res.body.error_description).toContain("No claim");
  });
});

describe("POST /api/agent/oauth/revoke", () => {
  it("revokes by value and always answers 200 {}", async () => {
    const agent = await registerAgent(t);
    const res = await http(t.baseUrl, "POST", "/api/agent/oauth/revoke", {
      form: { token: agent.token, token_type_hint: "access_token" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    expect((await http(t.baseUrl, "GET", "/api/public/v1/auth/me", { token: agent.token })).status).toBe(401);
    const again = await http(t.baseUrl, "POST", "/api/agent/oauth/revoke", { form: { token: agent.token } });
    expect(again.status).toBe(200);
    const unknown = await http(t.baseUrl, "POST", "/api/agent/oauth/revoke", { form: { token: "ot_pat_unknown" } });
    expect(unknown.body).toEqual({});
  });

  it("requires the token field", async () => {
    const res = await http(t.baseUrl, "POST", "/api/agent/oauth/revoke", { form: {} });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe("invalid_request");
  });
});
