import { API_BASE_PATHS, OPERATIONS, SCOPES, hasScope, pathParams, type Operation } from "@opentrain-ai/contract";
import {
  claimedAgent,
  http,
  mintToken,
  registerAgent,
  setFeatures,
  startTestServer,
  type ClaimedAgent,
  type TestServer,
} from "@opentrain-ai/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownedResourceFixtures } from "./ownership-fixtures.js";
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

/**
 * The authorization matrix: each cell is the status an operation answered for one kind of
 * caller, printed once at the end ("·" where the gate does not apply to the operation).
 */
const CELLS = ["none", "malformed", "revoked", "scope", "flag", "unclaimed", "tenant"] as const;
const matrix = new Map<string, Partial<Record<(typeof CELLS)[number], number | string>>>();
function record(op: Operation, cell: (typeof CELLS)[number], status: number | string) {
  matrix.set(op.id, { ...matrix.get(op.id), [cell]: status });
}
afterAll(() => {
  if (matrix.size === 0) return;
  const width = Math.max(...[...matrix.keys()].map((k) => k.length));
  const lines = [`${"operation".padEnd(width)}  ${CELLS.map((c) => c.padStart(10)).join("")}`];
  for (const op of bearerOps) {
    const row = matrix.get(op.id) ?? {};
    lines.push(`${op.id.padEnd(width)}  ${CELLS.map((c) => String(row[c] ?? "·").padStart(10)).join("")}`);
  }
  const cells = [...matrix.values()].reduce((n, r) => n + Object.keys(r).length, 0);
  process.stdout.write(`\nAuthorization matrix (${cells} cells, every one asserted):\n${lines.join("\n")}\n`);
});

/** Credentials that are not tokens: wrong prefix, truncated, unknown, wrong scheme. */
const MALFORMED: { header: string; what: string }[] = [
  { header: "Bearer ot_pat_", what: "empty token" },
  { header: `Bearer ot_pat_${"x".repeat(43)}`, what: "unknown token" },
  { header: "Bearer not-a-token", what: "no prefix" },
  { header: `Bearer ${"A".repeat(5000)}`, what: "huge" },
  { header: "Basic b3Q6cGF0", what: "wrong scheme" },
  { header: "Bearer", what: "scheme only" },
];

describe("gate: authentication", () => {
  it.each(bearerOps.map((op) => [op.id, op] as const))("%s without a token → 401", async (_id, op) => {
    const res = await call(t, op, null);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: "UNAUTHORIZED", requestId: expect.any(String) });
    expect(res.headers.get("www-authenticate")).toContain("resource_metadata=");
    record(op, "none", res.status);
  });

  it.each(bearerOps.map((op) => [op.id, op] as const))("%s with malformed credentials → 401", async (_id, op) => {
    for (const { header, what } of MALFORMED) {
      const hasBody = op.method !== "GET" && op.method !== "DELETE";
      const res = await http(t.baseUrl, op.method, url(op), {
        headers: { authorization: header },
        json: hasBody ? {} : undefined,
      });
      expect(res.status, what).toBe(401);
      expect(res.body, what).toMatchObject({ code: "UNAUTHORIZED", requestId: expect.any(String) });
      record(op, "malformed", res.status);
    }
  });

  it.each(bearerOps.map((op) => [op.id, op] as const))("%s with a revoked token → 401", async (_id, op) => {
    const res = await call(t, op, owner.preClaimToken);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe("UNAUTHORIZED");
    record(op, "revoked", res.status);
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
    record(op, "scope", res.status);
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
    record(op, "flag", res.status);
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
    record(op, "unclaimed", res.status);
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
      record(op, "tenant", `${res.status}*`);
      return;
    }
    const { params, body, missing } = await fixture(t, owner);
    const res = await call(t, op, otherAllScopes, params, body);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe("NOT_FOUND");
    record(op, "tenant", res.status);
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
