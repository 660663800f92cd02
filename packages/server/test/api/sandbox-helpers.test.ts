import { claimedAgent, http, registerAgent, sandbox, startTestServer, type TestServer } from "@opentrain-ai/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

describe("sandbox helpers", () => {
  it("reads and advances the clock by seconds or duration", async () => {
    const before = await sandbox(t, "GET", "/clock");
    expect(before.status).toBe(200);
    const moved = await sandbox(t, "POST", "/clock/advance", { duration: "72h" });
    expect(Date.parse(moved.body.now) - Date.parse(before.body.now)).toBeGreaterThanOrEqual(72 * 3600_000);
    expect(moved.body.offsetSeconds).toBeGreaterThanOrEqual(72 * 3600);
    const more = await sandbox(t, "POST", "/clock/advance", { seconds: 30 });
    expect(more.body.offsetSeconds - moved.body.offsetSeconds).toBe(30);
  });

  it.each([
    [{}, "exactly one"],
    [{ seconds: 10, duration: "1h" }, "exactly one"],
    [{ duration: "soon" }, "duration"],
    [{ seconds: -5 }, "seconds"],
  ])("refuses a bad advance %j", async (body, words) => {
    const res = await sandbox(t, "POST", "/clock/advance", body);
    expect(res.status).toBe(400);
    expect(res.body.error).toContain(words);
  });

  it("completes a claim by verification URI", async () => {
    const agent = await registerAgent(t);
    const start = await http(t.baseUrl, "POST", "/api/agent/identity/claim", {
      json: { claim_token: agent.claimToken, email: "via.uri@example.org" },
    });
    const res = await sandbox(t, "POST", "/claims/complete", { verificationUri: start.body.verification_uri });
    expect(res.body).toMatchObject({ completed: true, accountId: agent.accountId, email: "via.uri@example.org" });
    const twice = await sandbox(t, "POST", "/claims/complete", { verificationUri: start.body.verification_uri });
    expect(twice.status).toBe(409);
  });

  it("answers 404 for an unknown code and 400 without a code or URI", async () => {
    expect((await sandbox(t, "POST", "/claims/complete", { userCode: "000000" })).status).toBe(404);
    expect((await sandbox(t, "POST", "/claims/complete", {})).status).toBe(400);
    expect((await sandbox(t, "POST", "/claims/complete", { userCode: "12ab" })).status).toBe(400);
  });

  it("mints tokens with any scope for a claimed account only", async () => {
    const unclaimed = await registerAgent(t);
    const refused = await sandbox(t, "POST", `/accounts/${unclaimed.accountId}/tokens`, { scopes: ["payments:write"] });
    expect(refused.status).toBe(409);
    const agent = await claimedAgent(t);
    const res = await sandbox(t, "POST", `/accounts/${agent.accountId}/tokens`, {
      name: "payments",
      scopes: ["payments:write", "webhooks:manage"],
    });
    expect(res.status).toBe(201);
    const me = await http(t.baseUrl, "GET", "/api/public/v1/auth/me", { token: res.body.token });
    expect(me.body.token.scopes).toEqual(["payments:write", "webhooks:manage"]);
    expect((await sandbox(t, "POST", "/accounts/acc_nope/tokens", { scopes: ["jobs:read"] })).status).toBe(404);
    const bad = await sandbox(t, "POST", `/accounts/${agent.accountId}/tokens`, { scopes: ["admin"] });
    expect(bad.status).toBe(400);
  });

  it("turns feature flags off and on, reflected in capabilities", async () => {
    const agent = await registerAgent(t);
    const off = await sandbox(t, "PUT", `/accounts/${agent.accountId}/features`, { public_api_team: false });
    expect(off.body.features.public_api_team).toBe(false);
    const caps = await http(t.baseUrl, "GET", "/api/public/v1/job-drafts/capabilities", { token: agent.token });
    expect(caps.body.capabilities.team).toBe(false);
    expect(caps.body.rolloutMode).toBe("ALLOWLIST");
    expect((await http(t.baseUrl, "GET", "/api/public/v1/team", { token: agent.token })).status).toBe(403);
    await sandbox(t, "PUT", `/accounts/${agent.accountId}/features`, { public_api_team: true });
    expect((await http(t.baseUrl, "GET", "/api/public/v1/team", { token: agent.token })).status).toBe(200);
    const bad = await sandbox(t, "PUT", `/accounts/${agent.accountId}/features`, { public_api_team: "no" });
    expect(bad.status).toBe(400);
  });

  it("capabilities reports every feature block key", async () => {
    const agent = await registerAgent(t);
    const caps = await http(t.baseUrl, "GET", "/api/public/v1/job-drafts/capabilities", { token: agent.token });
    expect(caps.body).toMatchObject({
      featureKey: "public_api_job_drafting",
      namespace: "job-drafts",
      rolloutMode: "ALL",
      enabled: true,
      authBootstrap: "token",
    });
    expect(Object.keys(caps.body.capabilities).sort()).toEqual(
      [
        "credits",
        "draftCreate",
        "draftImport",
        "draftUpdate",
        "draftUrlRead",
        "hiring",
        "messagingWrites",
        "paymentsWrite",
        "publish",
        "team",
        "webhooks",
      ].sort(),
    );
    expect(caps.body.draft.importFormats).toContain("hr_xml");
  });
});
