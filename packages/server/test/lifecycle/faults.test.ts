import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { claimedAgent, type ClaimedAgent, type TestServer } from "@opentrain-ai/testkit";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEphemeralPostgres, type EphemeralPostgres } from "../../../../scripts/ephemeral-postgres.mjs";

/**
 * Faults on real PostgreSQL with the built `opentrain-server` binary: the database goes away and
 * comes back (503 + Retry-After meanwhile, recovery without a restart), and a process is
 * SIGKILLed under write load and restarted (no 5xx after, idempotent writes stay exactly-once).
 * Uses its own throwaway cluster, since it stops and starts the database server.
 */
const BIN = resolve(dirname(fileURLToPath(import.meta.url)), "../../dist/bin.js");
const SECRET = `sbx_faults_${randomBytes(8).toString("hex")}`;

let cluster: EphemeralPostgres | null = null;
let databaseUrl = "";
const children: ChildProcess[] = [];

beforeAll(async () => {
  cluster = await startEphemeralPostgres();
  if (!cluster) return;
  const name = `opentrain_faults_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(cluster.url);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
}, 120_000);

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  cluster?.stop();
});

interface Proc {
  child: ChildProcess;
  base: string;
  t: TestServer;
}

/** Spawns the built server on the cluster and resolves once it listens. */
function startBin(): Promise<Proc> {
  const child = spawn(process.execPath, [BIN], {
    env: {
      PATH: process.env.PATH ?? "",
      HOST: "127.0.0.1",
      PORT: "0",
      LOG_LEVEL: "warn",
      DATABASE_URL: databaseUrl,
      OPENTRAIN_SANDBOX_SECRET: SECRET,
      OPENTRAIN_SANDBOX_SEED_JOBS: "0",
      OPENTRAIN_SANDBOX_TICK_SECONDS: "0",
      OPENTRAIN_API_RATE_LIMIT_PER_MINUTE: "1000000",
      OPENTRAIN_AGENT_AUTH_RATE_LIMIT_PER_MINUTE: "1000000",
      OPENTRAIN_PUBLIC_RATE_LIMIT_PER_MINUTE: "1000000",
      OPENTRAIN_CLAIM_POLL_INTERVAL_SECONDS: "0",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${out}`)), 60_000);
    child.on("exit", (code) => fail(new Error(`server exited with ${code}:\n${out}`)));
    child.stderr!.on("data", (d) => {
      out += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      child.stderr!.removeAllListeners("data");
      child.stderr!.resume();
      const base = m[1]!;
      done({ child, base, t: { baseUrl: base, sandboxSecret: SECRET } as TestServer });
    });
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((r) => (child.exitCode !== null || child.signalCode ? r() : child.once("exit", () => r())));

/** One request that must answer within 15 s (a hang fails the test). */
async function call(base: string, method: string, path: string, opts: { token?: string; json?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.json !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(base + path, {
    method,
    headers,
    body: opts.json === undefined ? undefined : JSON.stringify(opts.json),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* stays text */
  }
  return { status: res.status, body, headers: res.headers };
}

/** Polls until `check` holds or the deadline passes: waits on an external process, not on time. */
async function eventually(check: () => Promise<boolean>, ms: number, what: string) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not within ${ms} ms: ${what}`);
}

function draftBody(key: string) {
  return {
    format: "opentrain_canonical",
    idempotencyKey: key,
    job: {
      title: "Fault drill job",
      description: "Label product photos with bounding boxes for the fault drill.",
      paymentType: "PAY_PER_HOUR",
      rateAmount: 15,
      experienceLevel: "ENTRY_LEVEL",
      dataVolumeUnit: "NUMBER_OF_FILES",
    },
  };
}

describe("faults on PostgreSQL", { timeout: 180_000 }, () => {
  it("answers 503 with Retry-After while the database is down, and recovers by itself", async (ctx) => {
    if (!cluster) return ctx.skip();
    const srv = await startBin();
    const agent = await claimedAgent(srv.t);
    expect((await call(srv.base, "GET", "/api/public/v1/auth/me", { token: agent.token })).status).toBe(200);

    cluster.pause();
    try {
      // GET /auth/me of a warm token may be answered from the auth cache and the reserved rate
      // limit without the database (a pause drops no connection, so nothing says it is down);
      // listing conversations always reads it.
      const [inbox, search, register, ready, health] = await Promise.all([
        call(srv.base, "GET", "/api/public/v1/messages", { token: agent.token }),
        call(srv.base, "GET", "/api/public/v1/jobs?q=label"),
        call(srv.base, "POST", "/api/agent/identity", { json: {} }),
        call(srv.base, "GET", "/readyz"),
        call(srv.base, "GET", "/healthz"),
      ]);
      for (const res of [inbox, search]) {
        expect(res.status).toBe(503);
        expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
        expect(res.body).toMatchObject({ code: "SERVICE_UNAVAILABLE", requestId: expect.any(String) });
      }
      expect(register.status).toBe(503);
      expect(register.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(register.body).toMatchObject({ error: "server_error", error_description: expect.any(String) });
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ ready: false, reason: "database_unavailable" });
      // Liveness stays green: restarting the process would not bring the database back.
      expect(health.status).toBe(200);
    } finally {
      cluster.resume();
    }

    await eventually(async () => (await call(srv.base, "GET", "/readyz")).status === 200, 30_000, "ready again");
    expect((await call(srv.base, "GET", "/api/public/v1/auth/me", { token: agent.token })).status).toBe(200);
    expect((await call(srv.base, "POST", "/api/agent/identity", { json: {} })).status).toBe(200);

    // Backends killed under the pool's feet (a failover, an admin): at most 503s, then service.
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    );
    await admin.end();
    const after = [];
    for (let i = 0; i < 5; i++)
      after.push((await call(srv.base, "GET", "/api/public/v1/auth/me", { token: agent.token })).status);
    expect(
      after.every((s) => s === 200 || s === 503),
      `statuses ${after}`,
    ).toBe(true);
    expect(after.at(-1)).toBe(200);

    srv.child.kill("SIGTERM");
    await exited(srv.child);
    expect(srv.child.exitCode).toBe(0);
  });

  it("survives SIGKILL under write load: no 5xx after restart, idempotent writes exactly once", async (ctx) => {
    if (!cluster) return ctx.skip();
    const first = await startBin();
    const agent: ClaimedAgent = await claimedAgent(first.t);

    // Writers: idempotent draft creations with fresh keys, until the process dies under them.
    const outcomes = new Map<string, { status: number; jobId?: string } | "lost">();
    let answered = 0;
    let killed = false;
    const killAfter = 30;
    const writer = async (w: number) => {
      for (let i = 0; !killed; i++) {
        const key = `fault-${w}-${i}`;
        try {
          const res = await call(first.base, "POST", "/api/public/v1/job-drafts", {
            token: agent.token,
            json: draftBody(key),
          });
          outcomes.set(key, { status: res.status, jobId: res.body?.jobId });
          if (++answered === killAfter) {
            killed = true;
            first.child.kill("SIGKILL");
          }
        } catch {
          outcomes.set(key, "lost"); // in flight when the process died: outcome unknown to the client
          return;
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, (_, w) => writer(w)));
    await exited(first.child);
    const before = [...outcomes.values()].filter((o) => o !== "lost");
    expect(
      before.every((o) => o.status === 201),
      JSON.stringify(before.filter((o) => o.status !== 201)),
    ).toBe(true);

    const second = await startBin();
    // Every client retries what it sent: answered keys replay their draft, lost ones land once.
    const statuses: number[] = [];
    for (const [key, outcome] of outcomes) {
      const res = await call(second.base, "POST", "/api/public/v1/job-drafts", {
        token: agent.token,
        json: draftBody(key),
      });
      statuses.push(res.status);
      if (outcome !== "lost") {
        expect(res.status, key).toBe(200);
        expect(res.body.jobId, key).toBe(outcome.jobId);
      } else {
        expect([200, 201], key).toContain(res.status);
      }
    }
    // And the restarted process serves reads too.
    for (let i = 0; i < 10; i++) {
      statuses.push((await call(second.base, "GET", "/api/public/v1/jobs/mine", { token: agent.token })).status);
      statuses.push((await call(second.base, "GET", "/api/public/v1/auth/me", { token: agent.token })).status);
    }
    expect(statuses.filter((s) => s >= 500)).toEqual([]);

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const dup = await db.query(
        "SELECT idempotency_key, count(*) FROM jobs WHERE idempotency_key LIKE 'fault-%' GROUP BY 1 HAVING count(*) > 1",
      );
      expect(dup.rows).toEqual([]);
      const total = await db.query("SELECT count(*)::int AS n FROM jobs WHERE idempotency_key LIKE 'fault-%'");
      expect(total.rows[0].n).toBe(outcomes.size);
    } finally {
      await db.end();
    }
    second.child.kill("SIGTERM");
    await exited(second.child);
  });
});
