import {
  API_BASE_PATHS,
  ERROR_STATUS,
  FEATURE_FLAGS,
  OPERATIONS,
  SCOPES,
  errorEnvelopeSchema,
  oauthErrorSchema,
  operations,
  type Operation,
} from "@opentrain-ai/contract";
import {
  claimedAgent,
  mintToken,
  setFeatures,
  startTestServer,
  type ClaimedAgent,
  type TestServer,
} from "@opentrain-ai/testkit";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handlers } from "../../src/handlers/index.js";
import { fuzzRequest, toWire, type FuzzRequest } from "./fuzz-inputs.js";
import { ownedResourceFixtures } from "./ownership-fixtures.js";

/**
 * Hostile input, generated from the operation registry: every operation gets malformed JSON,
 * wrong types, missing and extra fields, huge strings and arrays, odd unicode, bad cursors and
 * ids. Every answer is a documented 2xx or a 4xx in its surface's error shape, never a 5xx, and a
 * rejected request leaves every table as it was. FUZZ_SEED / FUZZ_RUNS replay or widen a run.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
// Fewer runs on PostgreSQL: the same generators, a second database engine, half the time.
const RUNS = Number(process.env.FUZZ_RUNS ?? (process.env.TEST_DATABASE_URL ? 8 : 15));

const keyOf = (op: Operation) => Object.entries(operations).find(([, o]) => o === op)![0];
const implemented = (op: Operation) => keyOf(op) in handlers;

let t: TestServer;
let owner: ClaimedAgent;
let ownerToken: string;

beforeAll(async () => {
  // No seeded jobs and no background tick: the checksum then only moves when a request moves it.
  t = await startTestServer({ env: { OPENTRAIN_SANDBOX_SEED_JOBS: "0", OPENTRAIN_SANDBOX_TICK_SECONDS: "0" } });
  owner = await claimedAgent(t, { agent_name: "Fuzz owner" });
  await setFeatures(t, owner.accountId, Object.fromEntries(FEATURE_FLAGS.map((f) => [f, true])));
  ownerToken = await mintToken(t, owner.accountId, [...SCOPES], "fuzz");
});
afterAll(() => t?.close());

/**
 * Per table: row count and the newest writing transaction (max xmin), which moves on any insert
 * or update. api_tokens is hashed without last_used_at instead: authentication refreshes it.
 * rate_limit_counters (PostgreSQL) is left out: every request counts, rejected ones included.
 */
async function checksum(): Promise<Record<string, string>> {
  const db = t.server.database.db;
  const tables = (await db.execute(
    sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'rate_limit_counters' ORDER BY 1`,
  )) as unknown as { rows: { name: string }[] };
  const parts = tables.rows.map(({ name }) =>
    name === "api_tokens"
      ? `SELECT '${name}' AS name, count(*)::text || ':' || coalesce(md5(string_agg(h, '' ORDER BY h)), '') AS sum FROM (SELECT md5((to_jsonb(x) - 'last_used_at')::text) AS h FROM "${name}" x) s`
      : `SELECT '${name}' AS name, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text AS sum FROM "${name}"`,
  );
  const res = (await db.execute(sql.raw(parts.join(" UNION ALL ")))) as unknown as {
    rows: { name: string; sum: string }[];
  };
  return Object.fromEntries(res.rows.map((r) => [r.name, r.sum]));
}

function credentialFor(op: Operation): string | null {
  if (op.auth === "bearer") return ownerToken;
  if (op.auth === "sandbox") return t.sandboxSecret;
  return null;
}

async function send(op: Operation, req: FuzzRequest) {
  const wire = toWire(op, API_BASE_PATHS[op.api], req);
  const token = credentialFor(op);
  if (token) wire.headers.authorization = `Bearer ${token}`;
  const res = await fetch(t.baseUrl + wire.path, { method: op.method, headers: wire.headers, body: wire.body });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* asserted below */
  }
  return { status: res.status, body, wire };
}

/** The answer is documented: a 2xx of the operation, or a 4xx in the surface's error shape. */
function expectDocumented(op: Operation, status: number, body: unknown, what: string) {
  expect(status, `${what}: 5xx ${JSON.stringify(body)}`).toBeLessThan(500);
  if (status < 300) {
    // Dual-mode operations (contracts.end) may instead answer 202 with a pending approval.
    if (status === 202 && op.output.safeParse(body).success) return;
    expect([op.successStatus, 200], what).toContain(status);
    return;
  }
  if (op.api === "agent") {
    expect(oauthErrorSchema.safeParse(body).success, `${what}: OAuth error shape ${JSON.stringify(body)}`).toBe(true);
    return;
  }
  // The one documented exception: a known but unlisted job answers the bare `{ id, status }` 404.
  if (op.id === "jobs.get" && status === 404 && (body as { status?: string }).status) return;
  const parsed = errorEnvelopeSchema.safeParse(body);
  expect(parsed.success, `${what}: envelope ${JSON.stringify(body)?.slice(0, 300)}`).toBe(true);
  const env = parsed.data!;
  // 413 keeps the closed code set: BAD_REQUEST with details.reason body_too_large.
  expect(env.code, what).toBe(status === 413 ? "BAD_REQUEST" : codeFor(status));
  if (env.details?.reason === "not_implemented") expect(implemented(op), `${op.id} has a handler`).toBe(false);
}

const codeFor = (status: number) => Object.entries(ERROR_STATUS).find(([, s]) => s === status)?.[0];

describe("fuzz: every operation", { timeout: 240_000 }, () => {
  it("the database checksum sees a write", async () => {
    const before = await checksum();
    await fetch(`${t.baseUrl}/api/agent/identity`, { method: "POST" });
    expect(await checksum()).not.toEqual(before);
  });

  it.each(OPERATIONS.map((op) => [op.id, op] as const))("%s survives hostile input", async (_id, op) => {
    const fixture = implemented(op) ? ownedResourceFixtures[op.id] : undefined;
    const known = fixture ? (await fixture(t, owner)).params : null;
    let before = await checksum();
    const seed = SEED + OPERATIONS.indexOf(op);
    try {
      await fc.assert(
        fc.asyncProperty(fuzzRequest(op, known), async (req) => {
          const { status, body, wire } = await send(op, req);
          const what = `${op.id} ${req.kind} ${op.method} ${wire.path.slice(0, 200)} body=${wire.body?.slice(0, 200)} → ${status}`;
          expectDocumented(op, status, body, what);
          const after = await checksum();
          if (status >= 400) expect(after, `${what}: a rejected request changed the database`).toEqual(before);
          before = after;
        }),
        { seed, numRuns: RUNS, endOnFailure: true },
      );
    } catch (err) {
      process.stderr.write(`fuzz ${op.id} failed; replay with FUZZ_SEED=${SEED} (operation seed ${seed})\n`);
      throw err;
    }
  });
});

describe("fuzz: oversized bodies", () => {
  const withBody = OPERATIONS.filter((op) => op.encoding !== "query");
  it.each(withBody.map((op) => [op.id, op] as const))("%s answers 413 over the 1 MiB limit", async (_id, op) => {
    const before = await checksum();
    const big = JSON.stringify({ padding: "x".repeat(1024 * 1024 + 10) });
    const params = Object.fromEntries([...op.path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => [m[1]!, "id_x"]));
    const { status, body } = await send(op, {
      kind: "oversized",
      params,
      raw: op.encoding === "form" ? `x=${"y".repeat(1024 * 1024 + 10)}` : big,
      contentType: op.encoding === "form" ? "application/x-www-form-urlencoded" : "application/json",
    });
    expect(status).toBe(413);
    if (op.api === "agent") expect(body).toMatchObject({ error: "invalid_request" });
    else expect(body).toMatchObject({ code: "BAD_REQUEST", details: { reason: "body_too_large" } });
    expect(await checksum()).toEqual(before);
  });
});

describe("fuzz: URLs the router refuses", () => {
  it.each([
    ["/api/public/v1/jobs/" + "a".repeat(300), 400, "BAD_REQUEST"],
    ["/api/public/v1/proposals/%E0%A4%A", 400, "BAD_REQUEST"],
    ["/api/public/v1/tokens/%", 400, "BAD_REQUEST"],
  ])("%s → %i in the envelope", async (path, status, code) => {
    const res = await fetch(t.baseUrl + path, { headers: { authorization: `Bearer ${ownerToken}` } });
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ code, requestId: res.headers.get("x-request-id") });
  });

  it("answers an undecodable /api/agent URL in the OAuth shape", async () => {
    const res = await fetch(`${t.baseUrl}/api/agent/identity/%`, { method: "POST" });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "invalid_request" });
  });
});
