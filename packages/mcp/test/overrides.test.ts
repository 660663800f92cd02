import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { OPERATIONS } from "@opentrain-ai/contract";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BASE_URL, call, connect, fakeFetch, tempConfigHome } from "./helpers.js";

const REGISTRATION = {
  identity_type: "anonymous",
  registration_id: "reg_1",
  access_token: "ot_pat_pre",
  token_type: "bearer",
  scopes: ["jobs:read", "jobs:write", "proposals:read", "messages:read", "payments:read", "team:read"],
  claim_token: "ot_clm_1",
  claim_token_expires_at: "2026-01-02T09:00:00.000Z",
  claim_endpoint: `${BASE_URL}/api/agent/identity/claim`,
  token_endpoint: `${BASE_URL}/api/agent/oauth/token`,
  grant_type: "urn:opentrain:agent-auth:grant-type:claim",
};
const CLAIM_START = {
  user_code: "439218",
  verification_uri: `${BASE_URL}/claim?token=ot_cat_1`,
  expires_in: 1800,
  interval: 5,
  email_sent: true,
};
const POST_CLAIM = {
  access_token: "ot_pat_post",
  token_type: "bearer",
  scopes: [
    "jobs:read",
    "jobs:write",
    "proposals:read",
    "proposals:write",
    "messages:read",
    "messages:write",
    "payments:read",
    "team:read",
    "team:write",
  ],
};
const oauth = (error: string, description = error) => ({
  status: 400,
  body: { error, error_description: description },
});

describe("bespoke tool handlers", () => {
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
  const readFile = () => JSON.parse(readFileSync(home.credentialsFile, "utf8")) as Record<string, string>;
  const saveFile = (data: Record<string, unknown> | string) => {
    mkdirSync(dirname(home.credentialsFile), { recursive: true });
    writeFileSync(home.credentialsFile, typeof data === "string" ? data : JSON.stringify(data));
  };

  describe("opentrain_register_agent", () => {
    it("registers tokenlessly, saves { apiToken, claimToken, baseUrl } with mode 0600, returns the API response", async () => {
      const f = fakeFetch({ "POST /api/agent/identity": { status: 200, body: REGISTRATION } });
      const { client, close } = await connect({ env: env(), fetch: f.fetch });
      const r = await call(client, "opentrain_register_agent", { agentName: "Claude Code", organizationName: "Acme" });
      await close();
      expect(r.isError).toBe(false);
      expect(r.data).toEqual(REGISTRATION);
      expect(JSON.parse(f.requests[0]!.body)).toEqual({
        identity_type: "anonymous",
        agent_name: "Claude Code",
        organization_name: "Acme",
      });
      expect(f.requests[0]!.headers.get("authorization")).toBeNull();
      expect(readFile()).toEqual({ apiToken: "ot_pat_pre", claimToken: "ot_clm_1", baseUrl: BASE_URL });
      expect(statSync(home.credentialsFile).mode & 0o777).toBe(0o600);
      expect(r.text).toContain(`Saved credentials to ${home.credentialsFile}`);
      expect(r.text).toContain("Next step: ask the human for their email and call opentrain_claim_account.");
    });

    it("refuses to overwrite saved credentials without force; force overwrites", async () => {
      saveFile({ apiToken: "ot_pat_old", baseUrl: BASE_URL });
      const f = fakeFetch({ "POST /api/agent/identity": { status: 200, body: REGISTRATION } });
      const { client, close } = await connect({ env: env(), fetch: f.fetch });
      const refused = await call(client, "opentrain_register_agent", {});
      expect(refused.isError).toBe(true);
      expect(refused.data.code).toBe("credentials_exist");
      expect(refused.text).toContain("force: true");
      expect(f.requests).toHaveLength(0);
      expect(readFile().apiToken).toBe("ot_pat_old");

      const forced = await call(client, "opentrain_register_agent", { force: true });
      await close();
      expect(forced.isError).toBe(false);
      expect(forced.text).toContain("replacing the previous ones");
      expect(readFile()).toEqual({ apiToken: "ot_pat_pre", claimToken: "ot_clm_1", baseUrl: BASE_URL });
    });

    it("writes the file even when OPENTRAIN_PERSONAL_API_TOKEN is set, and says the env token stays in use", async () => {
      const f = fakeFetch({ "POST /api/agent/identity": { status: 200, body: REGISTRATION } });
      const { client, close } = await connect({
        env: env({ OPENTRAIN_PERSONAL_API_TOKEN: "ot_pat_env" }),
        fetch: f.fetch,
      });
      const r = await call(client, "opentrain_register_agent", {});
      await close();
      expect(readFile().apiToken).toBe("ot_pat_pre");
      expect(r.text).toContain("OPENTRAIN_PERSONAL_API_TOKEN is set");
    });

    it("with force, replaces a corrupt credentials file", async () => {
      saveFile("{oops");
      const f = fakeFetch({ "POST /api/agent/identity": { status: 200, body: REGISTRATION } });
      const { client, close } = await connect({ env: env(), fetch: f.fetch });
      const refused = await call(client, "opentrain_register_agent", {});
      const forced = await call(client, "opentrain_register_agent", { force: true });
      await close();
      expect(refused.data.code).toBe("CREDENTIALS_ERROR");
      expect(forced.isError).toBe(false);
      expect(readFile().apiToken).toBe("ot_pat_pre");
    });

    it("OAuth errors from registration are shaped with guidance", async () => {
      const f = fakeFetch({
        "POST /api/agent/identity": {
          status: 403,
          body: { error: "anonymous_not_enabled", error_description: "Anonymous registration is disabled." },
        },
      });
      const { client, close } = await connect({ env: env(), fetch: f.fetch });
      const r = await call(client, "opentrain_register_agent", {});
      await close();
      expect(r.text.split("\n")[0]).toBe("403 anonymous_not_enabled: Anonymous registration is disabled.");
      expect(r.data).toEqual({
        status: 403,
        code: "anonymous_not_enabled",
        error: "Anonymous registration is disabled.",
        requestId: null,
        details: null,
      });
      expect(r.text).toContain("Settings → API keys");
    });
  });

  describe("opentrain_claim_account", () => {
    it("uses the saved claim token and shows the link and code", async () => {
      saveFile({ apiToken: "ot_pat_pre", claimToken: "ot_clm_1", baseUrl: BASE_URL });
      const f = fakeFetch({ "POST /api/agent/identity/claim": { status: 200, body: CLAIM_START } });
      const { client, close } = await connect({ env: { XDG_CONFIG_HOME: home.dir }, fetch: f.fetch });
      const r = await call(client, "opentrain_claim_account", { email: "owner@example.org" });
      await close();
      expect(r.isError).toBe(false);
      expect(r.data).toEqual(CLAIM_START);
      expect(JSON.parse(f.requests[0]!.body)).toEqual({ claim_token: "ot_clm_1", email: "owner@example.org" });
      expect(r.text).toContain("439218");
      expect(r.text).toContain(CLAIM_START.verification_uri);
      expect(r.text).toContain("opentrain_claim_status every 5 s");
    });

    it("an explicit claimToken wins over the saved one", async () => {
      saveFile({ apiToken: "ot_pat_pre", claimToken: "ot_clm_saved" });
      const f = fakeFetch({ "POST /api/agent/identity/claim": { status: 200, body: CLAIM_START } });
      const { client, close } = await connect({ env: env(), fetch: f.fetch });
      await call(client, "opentrain_claim_account", { email: "owner@example.org", claimToken: "ot_clm_explicit" });
      await close();
      expect(JSON.parse(f.requests[0]!.body).claim_token).toBe("ot_clm_explicit");
    });

    it("without any claim token: a clear error and no request", async () => {
      const f = fakeFetch({});
      const { client, close } = await connect({ env: env(), fetch: f.fetch });
      const r = await call(client, "opentrain_claim_account", { email: "owner@example.org" });
      await close();
      expect(r.isError).toBe(true);
      expect(r.data.code).toBe("claim_token_missing");
      expect(r.text).toContain("opentrain_register_agent");
      expect(f.requests).toHaveLength(0);
    });

    it("email already registered: ask for another email", async () => {
      saveFile({ claimToken: "ot_clm_1" });
      const f = fakeFetch({
        "POST /api/agent/identity/claim": oauth(
          "invalid_request",
          "email_already_registered: that email has an account",
        ),
      });
      const { client, close } = await connect({ env: env(), fetch: f.fetch });
      const r = await call(client, "opentrain_claim_account", { email: "taken@example.org" });
      await close();
      expect(r.isError).toBe(true);
      expect(r.text).toContain("already belongs to an OpenTrain account");
    });
  });

  describe("opentrain_claim_status", () => {
    it("authorization_pending and slow_down are normal results, not errors", async () => {
      saveFile({ apiToken: "ot_pat_pre", claimToken: "ot_clm_1", baseUrl: BASE_URL });
      let reply = oauth("authorization_pending", "The human has not completed the claim.");
      const f = fakeFetch({ "POST /api/agent/oauth/token": () => reply });
      const { client, close } = await connect({ env: env(), fetch: f.fetch });
      const pending = await call(client, "opentrain_claim_status");
      reply = oauth("slow_down", "Polling too fast.");
      const slow = await call(client, "opentrain_claim_status");
      await close();
      expect(pending.isError).toBe(false);
      expect(pending.data).toMatchObject({ status: "pending", error: "authorization_pending" });
      expect(pending.text).toContain("Claim pending");
      expect(slow.isError).toBe(false);
      expect(slow.data).toMatchObject({ status: "slow_down", error: "slow_down" });
      expect(slow.text).toMatch(/polling too fast/i);
      const body = new URLSearchParams(f.requests[0]!.body);
      expect(body.get("grant_type")).toBe("urn:opentrain:agent-auth:grant-type:claim");
      expect(body.get("claim_token")).toBe("ot_clm_1");
      expect(f.requests[0]!.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
      expect(readFile().apiToken).toBe("ot_pat_pre");
    });

    it("on success replaces the saved token and drops the claim token", async () => {
      saveFile({ apiToken: "ot_pat_pre", claimToken: "ot_clm_1", baseUrl: BASE_URL });
      const f = fakeFetch({ "POST /api/agent/oauth/token": { status: 200, body: POST_CLAIM } });
      const { client, close } = await connect({ env: { XDG_CONFIG_HOME: home.dir }, fetch: f.fetch });
      const r = await call(client, "opentrain_claim_status");
      await close();
      expect(r.isError).toBe(false);
      expect(r.data).toEqual({ status: "claimed", ...POST_CLAIM });
      expect(readFile()).toEqual({ apiToken: "ot_pat_post", baseUrl: BASE_URL });
      expect(statSync(home.credentialsFile).mode & 0o777).toBe(0o600);
      expect(r.text).toContain("Claim complete");
      expect(r.text).toContain("opentrain_auth_status");
    });

    it("still writes the file when OPENTRAIN_PERSONAL_API_TOKEN is set", async () => {
      saveFile({ claimToken: "ot_clm_1" });
      const f = fakeFetch({ "POST /api/agent/oauth/token": { status: 200, body: POST_CLAIM } });
      const { client, close } = await connect({
        env: env({ OPENTRAIN_PERSONAL_API_TOKEN: "ot_pat_env" }),
        fetch: f.fetch,
      });
      const r = await call(client, "opentrain_claim_status");
      await close();
      expect(readFile()).toEqual({ apiToken: "ot_pat_post", baseUrl: BASE_URL });
      expect(r.text).toContain("OPENTRAIN_PERSONAL_API_TOKEN is set");
    });

    it.each([
      ["expired_token", "opentrain_register_agent (force: true)"],
      ["invalid_grant", "opentrain_auth_status"],
      ["access_denied", "declined"],
    ])("%s is an error with guidance", async (code, hint) => {
      saveFile({ apiToken: "ot_pat_pre", claimToken: "ot_clm_1" });
      const f = fakeFetch({ "POST /api/agent/oauth/token": oauth(code, `${code} happened`) });
      const { client, close } = await connect({ env: env(), fetch: f.fetch });
      const r = await call(client, "opentrain_claim_status");
      await close();
      expect(r.isError).toBe(true);
      expect(r.text.split("\n")[0]).toBe(`400 ${code}: ${code} happened`);
      expect(r.text).toContain(hint);
      expect(r.data).toMatchObject({ status: 400, code });
      expect(readFile().claimToken).toBe("ot_clm_1");
    });

    it("without a claim token says the account may already be claimed", async () => {
      saveFile({ apiToken: "ot_pat_post" });
      const f = fakeFetch({});
      const { client, close } = await connect({ env: env(), fetch: f.fetch });
      const r = await call(client, "opentrain_claim_status");
      await close();
      expect(r.isError).toBe(true);
      expect(r.data.code).toBe("claim_token_missing");
      expect(r.text).toContain("opentrain_auth_status");
    });
  });

  const hasGetProposal = OPERATIONS.some((op) => op.tool?.name === "opentrain_get_proposal");

  describe.skipIf(!hasGetProposal)("opentrain_get_proposal", () => {
    const PROPOSAL = { proposal: { id: "prop_1", status: "UNREVIEWED" } };
    const INTERVIEW = { interview: { proposalId: "prop_1", messages: [{ role: "interviewer", content: "Hi" }] } };

    it("without includeInterview makes one call", async () => {
      saveFile({ apiToken: "ot_pat_x" });
      const f = fakeFetch({ "GET /api/public/v1/proposals/prop_1": { status: 200, body: PROPOSAL } });
      const { client, close } = await connect({ env: env(), fetch: f.fetch });
      const r = await call(client, "opentrain_get_proposal", { proposalId: "prop_1" });
      await close();
      expect(r.data).toEqual(PROPOSAL);
      expect(f.requests).toHaveLength(1);
      expect([...f.requests[0]!.query.keys()]).toEqual([]);
    });

    it("with includeInterview merges the transcript as interview", async () => {
      saveFile({ apiToken: "ot_pat_x" });
      const f = fakeFetch({
        "GET /api/public/v1/proposals/prop_1": { status: 200, body: PROPOSAL },
        "GET /api/public/v1/proposals/prop_1/interview": { status: 200, body: INTERVIEW },
      });
      const { client, close } = await connect({ env: env(), fetch: f.fetch });
      const r = await call(client, "opentrain_get_proposal", { proposalId: "prop_1", includeInterview: true });
      await close();
      expect(r.isError).toBe(false);
      expect(r.data).toEqual({ ...PROPOSAL, interview: INTERVIEW.interview });
      expect(r.text).toContain("transcript is included");
      expect(f.requests.map((q) => q.path)).toEqual([
        "/api/public/v1/proposals/prop_1",
        "/api/public/v1/proposals/prop_1/interview",
      ]);
    });

    it("a missing transcript does not fail the proposal read", async () => {
      saveFile({ apiToken: "ot_pat_x" });
      const f = fakeFetch({
        "GET /api/public/v1/proposals/prop_1": { status: 200, body: PROPOSAL },
        "GET /api/public/v1/proposals/prop_1/interview": {
          status: 404,
          body: { error: "No interview.", code: "NOT_FOUND", requestId: "req_2", details: { proposalId: "prop_1" } },
        },
      });
      const { client, close } = await connect({ env: env(), fetch: f.fetch });
      const r = await call(client, "opentrain_get_proposal", { proposalId: "prop_1", includeInterview: true });
      await close();
      expect(r.isError).toBe(false);
      expect(r.data).toMatchObject({
        proposal: PROPOSAL.proposal,
        interview: null,
        interviewError: { status: 404, code: "NOT_FOUND" },
      });
      expect(r.text).toContain("404 NOT_FOUND: No interview.");
    });
  });
});
