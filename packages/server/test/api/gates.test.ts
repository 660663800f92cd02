import { API_BASE_PATHS, OPERATIONS, SCOPES, hasScope, pathParams, type Operation } from "@opentrain-ai/contract";
import {
  claimedAgent,
  http,
  mintToken,
  registerAgent,
  sandbox,
  setFeatures,
  startTestServer,
  type ClaimedAgent,
  type TestServer,
} from "@opentrain-ai/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handlers } from "../../src/handlers/index.js";
import { operations } from "@opentrain-ai/contract";

/**
 * Generated from the registry: every bearer operation is checked for each gate that applies to
 * it, so a new operation is covered the day it is declared.
 */
const bearerOps = OPERATIONS.filter((op) => op.auth === "bearer");
const keyOf = (op: Operation) => Object.entries(operations).find(([, o]) => o === op)![0];
const implemented = (op: Operation) => keyOf(op) in handlers;

function url(op: Operation, params: Record<string, string> = {}): string {
  return (
    API_BASE_PATHS[op.api] +
    op.path.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? `missing_${name}`))
  );
}

function call(t: TestServer, op: Operation, token: string | null, params: Record<string, string> = {}, body?: unknown) {
  const hasBody = op.method !== "GET" && op.method !== "DELETE";
  return http(t.baseUrl, op.method, url(op, params), { token, json: hasBody ? (body ?? {}) : undefined });
}

/**
 * For operations whose path names a tenant resource: creates one in account A and returns the
 * path parameters (and a body that passes validation). Operations of later milestones have no
 * fixture yet and must answer 404 not_implemented until they get one. Resources that belong to
 * no tenant (trainer profiles) return `missing: true` and an id that does not exist instead:
 * anyone may read them, so the check is that an unknown id answers 404.
 */
type Fixture = (
  t: TestServer,
  owner: ClaimedAgent,
) => Promise<{ params: Record<string, string>; body?: unknown; missing?: true }>;
/** A publish-ready draft of the owner's (canonical import with every required field). */
async function readyDraft(t: TestServer, owner: ClaimedAgent): Promise<string> {
  const res = await http(t.baseUrl, "POST", "/api/public/v1/job-drafts", {
    token: owner.token,
    json: {
      format: "opentrain_canonical",
      job: {
        title: "Gate fixture job",
        description: "Label product photos with bounding boxes for the gate suite.",
        paymentType: "PAY_PER_HOUR",
        rateAmount: 15,
        experienceLevel: "ENTRY_LEVEL",
        dataVolumeUnit: "NUMBER_OF_FILES",
      },
    },
  });
  if (res.status !== 201) throw new Error(`draft fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.jobId;
}

async function openJob(t: TestServer, owner: ClaimedAgent): Promise<string> {
  const jobId = await readyDraft(t, owner);
  const res = await http(t.baseUrl, "POST", `/api/public/v1/jobs/${jobId}/publish`, { token: owner.token, json: {} });
  if (res.status !== 200) throw new Error(`publish fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return jobId;
}

/** An ACTIVE sandbox trainer's id. */
async function activeTrainer(t: TestServer): Promise<string> {
  const res = await sandbox(t, "GET", "/trainers?limit=20");
  return res.body.trainers.find((x: { status: string }) => x.status === "ACTIVE").id;
}

/** A proposal (with its AI interview) on an open job of the owner's: a sandbox trainer applied. */
async function proposalOf(t: TestServer, owner: ClaimedAgent): Promise<string> {
  const jobId = await openJob(t, owner);
  const res = await sandbox(t, "POST", `/trainers/${await activeTrainer(t)}/proposals`, { jobId });
  if (res.status !== 201) throw new Error(`proposal fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.proposalId;
}

/** A webhook subscription of the owner's (webhooks:manage comes only from a human-minted token). */
async function webhookOf(t: TestServer, owner: ClaimedAgent): Promise<string> {
  const token = await mintToken(t, owner.accountId, [...SCOPES], "webhook fixture");
  const res = await http(t.baseUrl, "POST", "/api/public/v1/webhooks", {
    token,
    json: { url: "https://hooks.example.com/gate", eventTypes: ["proposal.received"] },
  });
  if (res.status !== 201) throw new Error(`webhook fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.webhook.id;
}

const ownedResourceFixtures: Record<string, Fixture> = {
  "tokens.revoke": async (t, owner) => {
    const list = await http(t.baseUrl, "GET", "/api/public/v1/tokens", { token: owner.token });
    return { params: { tokenId: list.body.tokens[0].id } };
  },
  "jobDrafts.update": async (t, owner) => ({
    params: { jobId: await readyDraft(t, owner) },
    body: { headcount: 3 },
  }),
  "jobs.publish": async (t, owner) => ({ params: { jobId: await readyDraft(t, owner) } }),
  "jobs.update": async (t, owner) => ({ params: { jobId: await openJob(t, owner) }, body: { headcount: 4 } }),
  "jobs.close": async (t, owner) => ({ params: { jobId: await openJob(t, owner) } }),
  "freelancers.get": async () => ({ params: { idOrSlug: "ftr_noSuchTrainer0000000" }, missing: true }),
  "jobs.listProposals": async (t, owner) => ({ params: { jobId: await openJob(t, owner) } }),
  "jobs.invite": async (t, owner) => ({
    params: { jobId: await openJob(t, owner) },
    body: { freelancerId: await activeTrainer(t) },
  }),
  "proposals.get": async (t, owner) => ({ params: { proposalId: await proposalOf(t, owner) } }),
  "proposals.interview": async (t, owner) => ({ params: { proposalId: await proposalOf(t, owner) } }),
  // messages
  "proposals.startConversation": async (t, owner) => ({ params: { proposalId: await proposalOf(t, owner) } }),
  // events
  "webhooks.get": async (t, owner) => ({ params: { webhookId: await webhookOf(t, owner) } }),
  "webhooks.delete": async (t, owner) => ({ params: { webhookId: await webhookOf(t, owner) } }),
};

let t: TestServer;
let owner: ClaimedAgent;
let other: ClaimedAgent;
let otherAllScopes: string;
let unclaimedToken: string;

beforeAll(async () => {
  t = await startTestServer();
  owner = await claimedAgent(t, { agent_name: "Owner agent" });
  other = await claimedAgent(t, { agent_name: "Other agent" });
  otherAllScopes = await mintToken(t, other.accountId, [...SCOPES], "all scopes");
  unclaimedToken = (await registerAgent(t)).token;
});
afterAll(() => t?.close());

describe("gate: authentication", () => {
  it.each(bearerOps.map((op) => [op.id, op] as const))("%s without a token → 401", async (_id, op) => {
    const res = await call(t, op, null);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: "UNAUTHORIZED", requestId: expect.any(String) });
    expect(res.headers.get("www-authenticate")).toContain("resource_metadata=");
  });

  it.each(bearerOps.map((op) => [op.id, op] as const))("%s with a revoked token → 401", async (_id, op) => {
    const res = await call(t, op, owner.preClaimToken);
    expect(res.status).toBe(401);
  });
});

const tokensByScopes = new Map<string, Promise<string>>();
/** One token per distinct scope set (the account holds at most 25 active tokens). */
function tokenWithout(required: string[], granted: string[]): Promise<string> {
  const key = granted.join(",");
  if (!tokensByScopes.has(key))
    tokensByScopes.set(key, mintToken(t, other.accountId, granted, `without ${required.join(",")}`));
  return tokensByScopes.get(key)!;
}

const scoped = bearerOps.filter((op) => op.scope || op.anyScope);
describe("gate: scope", () => {
  it.each(scoped.map((op) => [op.id, op] as const))("%s without its scope → 403", async (_id, op) => {
    const required = op.scope ? [op.scope] : [...op.anyScope!];
    const granted = SCOPES.filter((s) => !required.some((r) => hasScope([s], r)));
    const token = await tokenWithout(required, granted);
    const res = await call(t, op, token);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("FORBIDDEN");
    expect(res.body.details).toMatchObject({ reason: "insufficient_scope", requiredScopes: required });
    expect(res.body.details.grantedScopes).toEqual(granted);
  });
});

const flagged = bearerOps.filter((op) => op.feature);
describe("gate: feature flag", () => {
  it.each(flagged.map((op) => [op.id, op] as const))("%s with its flag off → 403", async (_id, op) => {
    const agent = await claimedAgent(t);
    const token = await mintToken(t, agent.accountId, [...SCOPES]);
    await setFeatures(t, agent.accountId, { [op.feature!]: false });
    const res = await call(t, op, token);
    expect(res.status).toBe(403);
    expect(res.body.details).toMatchObject({ featureKey: op.feature, reason: "feature_disabled" });
  });
});

const claimGated = bearerOps.filter((op) => op.claim);
describe("gate: claim", () => {
  it.each(claimGated.map((op) => [op.id, op] as const))("%s on an unclaimed account → 403", async (_id, op) => {
    const res = await call(t, op, unclaimedToken);
    expect(res.status).toBe(403);
    expect(res.body.details).toEqual({
      reason: "account_claim_required",
      action: op.claim,
      claimUrl: `${t.baseUrl}/claim`,
    });
  });

  it("lets unclaimed accounts through operations that need no claim", async () => {
    const res = await http(t.baseUrl, "GET", "/api/public/v1/team", { token: unclaimedToken });
    expect(res.status).toBe(200);
  });
});

const withIds = bearerOps.filter((op) => pathParams(op.path).length > 0);
describe("gate: tenant ownership", () => {
  it.each(withIds.map((op) => [op.id, op] as const))("%s with another account's id → 404", async (_id, op) => {
    const fixture = ownedResourceFixtures[op.id];
    if (!fixture) {
      // Not built yet: the route exists, passes the gates, and says so.
      expect(implemented(op), `${op.id} is implemented: add an ownership fixture`).toBe(false);
      const res = await call(t, op, otherAllScopes);
      expect(res.status).toBe(404);
      expect(res.body.details).toMatchObject({ reason: "not_implemented", operation: op.id });
      return;
    }
    const { params, body, missing } = await fixture(t, owner);
    const res = await call(t, op, otherAllScopes, params, body);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe("NOT_FOUND");
    if (missing) return;
    // The owner still sees it: the 404 is about tenancy, not a bad fixture.
    const mine = await mintToken(t, owner.accountId, [...SCOPES]);
    const ok = await call(t, op, mine, params, body);
    expect(ok.status).toBeLessThan(300);
  });
});

describe("sandbox helpers", () => {
  const sandboxOps = OPERATIONS.filter((op) => op.api === "sandbox");
  it.each(sandboxOps.map((op) => [op.id, op] as const))("%s without the sandbox secret → 401", async (_id, op) => {
    const res = await call(t, op, owner.token);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe("UNAUTHORIZED");
  });
});
