import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { SCOPES } from "@opentrain-ai/contract";
import { claimedAgent, createIsolatedDatabase, http, mintToken, sandbox, type TestServer } from "@opentrain-ai/testkit";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";

/**
 * At-least-once across processes, with the BUILT server binary on a real PostgreSQL: a server
 * killed with SIGKILL while deliveries are in flight and queued loses none of them once it is
 * started again, and two servers on one database deliver each attempt once. PostgreSQL suite
 * only (scripts/test.mjs sets TEST_DATABASE_URL).
 */
const BIN = resolve(dirname(fileURLToPath(import.meta.url)), "../../dist/bin.js");
const adminUrl = process.env.TEST_DATABASE_URL;
const SANDBOX_SECRET = "sbx_processes_test_secret";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface Bin {
  child: ChildProcess;
  url: string;
  output: () => string;
}

function startBin(databaseUrl: string): Promise<Bin> {
  const child = spawn(process.execPath, [BIN], {
    env: {
      PATH: process.env.PATH ?? "",
      HOST: "127.0.0.1",
      PORT: "0",
      DATABASE_URL: databaseUrl,
      OPENTRAIN_SANDBOX_SECRET: SANDBOX_SECRET,
      OPENTRAIN_SANDBOX_SEED_JOBS: "0",
      OPENTRAIN_API_RATE_LIMIT_PER_MINUTE: "1000000",
      OPENTRAIN_AGENT_AUTH_RATE_LIMIT_PER_MINUTE: "1000000",
      OPENTRAIN_CLAIM_POLL_INTERVAL_SECONDS: "0",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  cleanups.push(() => {
    if (child.exitCode === null) child.kill("SIGKILL");
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 90_000);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    };
    child.on("exit", onExit);
    const check = () => {
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.off("exit", onExit);
      child.stderr!.off("data", check);
      resolveStart({ child, url: m[1]!, output: () => out });
    };
    child.stderr!.on("data", check);
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.on("exit", () => r())));

interface Hit {
  deliveryId: string;
  proposalId: string;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  answered: boolean;
}

/** A receiver that holds requests unanswered while `hold` is on, else answers 200. */
async function receiver() {
  const hits: Hit[] = [];
  const held: ServerResponse[] = [];
  const state = { hold: false };
  let notify: (() => void) | null = null;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const hit: Hit = {
        deliveryId: String(req.headers["x-opentrain-delivery"]),
        proposalId: JSON.parse(raw.toString()).data.proposalId,
        headers: req.headers,
        raw,
        answered: !state.hold,
      };
      hits.push(hit);
      if (state.hold) held.push(res);
      else res.writeHead(200).end();
      notify?.();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  cleanups.push(
    () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  );
  /** Waits (event-driven, with a deadline) until `done()` holds. */
  const until = async (done: () => boolean, what: string, timeoutMs = 90_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`receiver: timed out waiting for ${what} (${hits.length} requests)`);
      await new Promise<void>((r) => {
        notify = r;
        setTimeout(r, 1_000).unref();
      });
    }
  };
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, hits, held, state, until };
}

function signatureValid(secret: string, header: unknown, raw: Buffer): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(header));
  if (!m || Math.abs(Date.now() / 1000 - Number(m[1])) > 300) return false;
  const mac = createHmac("sha256", secret).update(`${m[1]}.`).update(raw).digest();
  return timingSafeEqual(mac, Buffer.from(m[2]!, "hex"));
}

/** The testkit actors only need the origin and the sandbox secret. */
const asTestServer = (bin: Bin) => ({ baseUrl: bin.url, sandboxSecret: SANDBOX_SECRET }) as TestServer;

/** An account with a webhook to `url`, an invite-only job, and the ids of active sandbox trainers. */
async function setUp(bin: Bin, url: string) {
  const t = asTestServer(bin);
  const agent = await claimedAgent(t);
  const token = await mintToken(t, agent.accountId, [...SCOPES]);
  const hook = await http(bin.url, "POST", "/api/public/v1/webhooks", {
    token,
    json: { url, eventTypes: ["proposal.received"] },
  });
  expect(hook.status, JSON.stringify(hook.body)).toBe(201);
  const draft = await http(bin.url, "POST", "/api/public/v1/job-drafts", {
    token,
    json: {
      format: "opentrain_canonical",
      job: {
        title: "Crash Test Bounding Boxes",
        description: "Draw tight bounding boxes around every product on retail shelf photos.",
        paymentType: "PAY_PER_HOUR",
        rateAmount: 15,
        experienceLevel: "ENTRY_LEVEL",
        dataVolumeUnit: "NUMBER_OF_FILES",
        visibility: "INVITE_ONLY",
        languages: ["English"],
        countries: [],
      },
    },
  });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  const jobId = draft.body.jobId as string;
  expect((await http(bin.url, "POST", `/api/public/v1/jobs/${jobId}/publish`, { token, json: {} })).status).toBe(200);
  const list = await sandbox(t, "GET", "/trainers?limit=100");
  const trainers = list.body.trainers
    .filter((x: { status: string }) => x.status === "ACTIVE")
    .map((x: { id: string }) => x.id) as string[];
  return { secret: hook.body.secret as string, webhookId: hook.body.webhook.id as string, jobId, trainers };
}

async function apply(bin: Bin, trainerId: string, jobId: string): Promise<string> {
  const res = await sandbox(asTestServer(bin), "POST", `/trainers/${trainerId}/proposals`, { jobId });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.proposalId;
}

async function deliveryRows(databaseUrl: string, webhookId: string) {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const { rows } = await c.query(
      "SELECT id, status, attempts FROM webhook_deliveries WHERE subscription_id = $1 ORDER BY event_id",
      [webhookId],
    );
    return rows as { id: string; status: string; attempts: number }[];
  } finally {
    await c.end();
  }
}

describe.skipIf(!adminUrl)("webhook delivery across server processes (PostgreSQL)", () => {
  it(
    "SIGKILL with deliveries in flight and queued: after a restart every event is delivered",
    { timeout: 300_000 },
    async () => {
      const db = await createIsolatedDatabase(adminUrl!);
      cleanups.push(() => db.drop());
      const r = await receiver();
      const first = await startBin(db.url);
      const { secret, webhookId, jobId, trainers } = await setUp(first, r.url);
      const EVENTS = 30;
      expect(trainers.length).toBeGreaterThanOrEqual(EVENTS);

      // The receiver holds every request: the worker's 16 slots fill up, the rest stay queued.
      r.state.hold = true;
      const proposals: string[] = [];
      for (const trainerId of trainers.slice(0, EVENTS)) proposals.push(await apply(first, trainerId, jobId));
      await r.until(() => r.hits.length >= 16, "16 requests in flight");
      first.child.kill("SIGKILL");
      await exited(first.child);
      const rowsAtCrash = await deliveryRows(db.url, webhookId);
      expect(rowsAtCrash).toHaveLength(EVENTS);
      expect(rowsAtCrash.every((d) => d.status === "PENDING")).toBe(true);

      // Restarted (same database, the sandbox's secret key kept in it): queued deliveries go at
      // once, the ones whose attempt died with the process when their lease runs out.
      r.state.hold = false;
      const second = await startBin(db.url);
      const answered = () => new Set(r.hits.filter((h) => h.answered).map((h) => h.proposalId));
      await r.until(() => answered().size === EVENTS, `all ${EVENTS} events answered`);
      expect([...answered()].sort()).toEqual([...proposals].sort());
      for (const h of r.hits) expect(signatureValid(secret, h.headers["x-opentrain-signature"], h.raw)).toBe(true);
      // A delivery keeps its id when it is attempted again.
      const idsByProposal = new Map<string, Set<string>>();
      for (const h of r.hits)
        idsByProposal.set(h.proposalId, (idsByProposal.get(h.proposalId) ?? new Set()).add(h.deliveryId));
      for (const ids of idsByProposal.values()) expect(ids.size).toBe(1);
      await sandbox(asTestServer(second), "POST", "/clock/advance", { seconds: 1 });
      const rows = await deliveryRows(db.url, webhookId);
      expect(rows.every((d) => d.status === "SUCCEEDED")).toBe(true);
    },
  );

  it("two server processes on one database deliver each attempt once", { timeout: 300_000 }, async () => {
    const db = await createIsolatedDatabase(adminUrl!);
    cleanups.push(() => db.drop());
    const r = await receiver();
    const a = await startBin(db.url);
    const b = await startBin(db.url);
    const { secret, webhookId, jobId, trainers } = await setUp(a, r.url);
    const EVENTS = 40;
    expect(trainers.length).toBeGreaterThanOrEqual(EVENTS);
    // Events written through both processes; both are woken by every NOTIFY and race to claim.
    const proposals = await Promise.all(
      trainers.slice(0, EVENTS).map((trainerId, i) => apply(i % 2 === 0 ? a : b, trainerId, jobId)),
    );
    await r.until(() => new Set(r.hits.map((h) => h.proposalId)).size === EVENTS, `all ${EVENTS} events`);
    // Let both finish whatever they hold (the clock helper awaits a full delivery pass).
    await sandbox(asTestServer(a), "POST", "/clock/advance", { seconds: 1 });
    await sandbox(asTestServer(b), "POST", "/clock/advance", { seconds: 1 });
    expect(r.hits).toHaveLength(EVENTS);
    expect(new Set(r.hits.map((h) => h.deliveryId)).size).toBe(EVENTS);
    expect(new Set(r.hits.map((h) => h.proposalId))).toEqual(new Set(proposals));
    for (const h of r.hits) expect(signatureValid(secret, h.headers["x-opentrain-signature"], h.raw)).toBe(true);
    const rows = await deliveryRows(db.url, webhookId);
    expect(rows.map((d) => [d.status, d.attempts])).toEqual(Array.from({ length: EVENTS }, () => ["SUCCEEDED", 1]));
  });
});
