import { CLAIM_GRANT_TYPE } from "@opentrain-ai/contract";
import { http } from "./http.js";
import type { TestServer } from "./start-test-server.js";

export interface RegisteredAgent {
  token: string;
  claimToken: string;
  accountId: string;
  registrationId: string;
}

export interface ClaimedAgent extends RegisteredAgent {
  /** The post-claim token (the pre-claim one is revoked). */
  token: string;
  preClaimToken: string;
  email: string;
  userId: string;
}

let emailCounter = 0;
/** A fresh email address per call. */
export function uniqueEmail(prefix = "human"): string {
  emailCounter += 1;
  return `${prefix}.${Date.now().toString(36)}.${emailCounter}@example.org`;
}

function expectStatus(res: { status: number; body: unknown }, status: number, what: string) {
  if (res.status !== status)
    throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
}

/** Anonymous registration through the real endpoint. */
export async function registerAgent(t: TestServer, body: Record<string, unknown> = {}): Promise<RegisteredAgent> {
  const res = await http(t.baseUrl, "POST", "/api/agent/identity", { json: body });
  expectStatus(res, 200, "register");
  const me = await http(t.baseUrl, "GET", "/api/public/v1/auth/me", { token: res.body.access_token });
  expectStatus(me, 200, "auth/me");
  return {
    token: res.body.access_token,
    claimToken: res.body.claim_token,
    accountId: me.body.account.id,
    registrationId: res.body.registration_id,
  };
}

/** The whole ceremony: claim start, the human accepts (sandbox helper), token poll. */
export async function claimAgent(t: TestServer, agent: RegisteredAgent, email = uniqueEmail()): Promise<ClaimedAgent> {
  const start = await http(t.baseUrl, "POST", "/api/agent/identity/claim", {
    json: { claim_token: agent.claimToken, email },
  });
  expectStatus(start, 200, "claim start");
  const done = await sandbox(t, "POST", "/claims/complete", { userCode: start.body.user_code });
  expectStatus(done, 200, "claims/complete");
  const tok = await http(t.baseUrl, "POST", "/api/agent/oauth/token", {
    form: { grant_type: CLAIM_GRANT_TYPE, claim_token: agent.claimToken },
  });
  expectStatus(tok, 200, "token poll");
  return { ...agent, preClaimToken: agent.token, token: tok.body.access_token, email, userId: done.body.userId };
}

/** A registered and claimed agent in one call. */
export async function claimedAgent(t: TestServer, body: Record<string, unknown> = {}): Promise<ClaimedAgent> {
  return claimAgent(t, await registerAgent(t, body));
}

/** Calls a sandbox helper with the server's secret. */
export function sandbox(t: TestServer, method: string, path: string, json?: unknown) {
  return http(t.baseUrl, method, `/api/sandbox/v1${path}`, { token: t.sandboxSecret, json });
}

/** A token minted as the human (Settings → API keys), with any scopes. */
export async function mintToken(
  t: TestServer,
  accountId: string,
  scopes: string[],
  name = "test token",
): Promise<string> {
  const res = await sandbox(t, "POST", `/accounts/${accountId}/tokens`, { name, scopes });
  expectStatus(res, 201, "mint token");
  return res.body.token;
}

/** Sets feature flags of an account. */
export async function setFeatures(t: TestServer, accountId: string, flags: Record<string, boolean>): Promise<void> {
  const res = await sandbox(t, "PUT", `/accounts/${accountId}/features`, flags);
  expectStatus(res, 200, "set features");
}
