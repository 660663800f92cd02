// Two server processes on one PostgreSQL database behave as one service: a revocation, a claim or
// a flag change made through one is honoured by the other (whose auth cache would otherwise keep
// serving the old principal for an hour here), and both count against one rate limit.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  claimAgent,
  claimedAgent,
  http,
  registerAgent,
  setFeatures,
  startTestServer,
  type HttpResult,
  type TestServer,
} from "@opentrain-ai/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allLedgerEntries, api, auditLedger, buyCredits, createTopUp } from "./credits-helpers.js";
import { apiOf, createOpenJob } from "./jobs-helpers.js";
import { broadJob, publishJob, sandboxTrainers, trainerApplies } from "./proposals-helpers.js";
import { employer, hire, hireChargeCents, jobWithProposals, resetTrainerPool } from "./hiring-helpers.js";
import { activeTrainers, openThread, trainerWrites } from "./messages-helpers.js";

const SERVER_BIN = fileURLToPath(new URL("../../dist/bin.js", import.meta.url));
const RATE_LIMIT = 10;
/** Far longer than any test: only a change notice can make the second process refuse. */
const CACHE_TTL_SECONDS = "3600";

interface OtherProcess {
  baseUrl: string;
  child: ChildProcess;
}

/** The built `opentrain-server` binary as a second process on the first one's database. */
async function startSecondProcess(first: TestServer): Promise<OtherProcess> {
  const config = first.server.config;
  const child = spawn(process.execPath, [SERVER_BIN], {
    env: {
      ...process.env,
      DATABASE_URL: config.databaseUrl ?? "",
      PORT: "0",
      HOST: "127.0.0.1",
      OPENTRAIN_MODE: config.mode,
      OPENTRAIN_SANDBOX_SECRET: config.sandboxSecret,
      OPENTRAIN_COOKIE_SECRET: config.cookieSecret,
      OPENTRAIN_API_RATE_LIMIT_PER_MINUTE: String(config.apiRateLimitPerMinute),
      OPENTRAIN_PUBLIC_RATE_LIMIT_PER_MINUTE: String(config.publicRateLimitPerMinute),
      OPENTRAIN_AUTH_CACHE_TTL_SECONDS: CACHE_TTL_SECONDS,
      OPENTRAIN_CLAIM_POLL_INTERVAL_SECONDS: "0",
      OPENTRAIN_SANDBOX_TICK_SECONDS: "0",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m) resolve(m[1] as string);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`second server exited with ${code}:\n${output}`)));
  });
  return { baseUrl, child };
}

async function stopProcess(p: OtherProcess | undefined): Promise<void> {
  if (!p || p.child.exitCode !== null) return;
  const exited = new Promise((r) => p.child.once("exit", r));
  p.child.kill("SIGTERM");
  await exited;
}

const me = (baseUrl: string, token: string) => http(baseUrl, "GET", "/api/public/v1/auth/me", { token });

/** Asks again (no pause; each answer takes a round trip) until `done`, for at most `ms` of real time. */
async function until(ask: () => Promise<HttpResult>, done: (r: HttpResult) => boolean, ms = 10_000) {
  const deadline = Date.now() + ms;
  let last = await ask();
  while (!done(last) && Date.now() < deadline) last = await ask();
  return last;
}

/**
 * Two processes on one PostgreSQL for the enclosing describe: a test server with `opts`, and the
 * built binary on its database. Fields are set once `beforeAll` ran.
 */
function processPair(opts: Parameters<typeof startTestServer>[0]): { a: TestServer; b: OtherProcess } {
  const pair = {} as { a: TestServer; b: OtherProcess };
  beforeAll(async () => {
    pair.a = await startTestServer(opts);
    pair.b = await startSecondProcess(pair.a);
  });
  afterAll(async () => {
    await stopProcess(pair.b);
    await pair.a?.close();
  });
  return pair;
}

describe.skipIf(!process.env.TEST_DATABASE_URL)("two server processes on one PostgreSQL", () => {
  const pair = processPair({
    env: {
      OPENTRAIN_API_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
      OPENTRAIN_AUTH_CACHE_TTL_SECONDS: CACHE_TTL_SECONDS,
    },
  });

  it("share one per-IP rate limit: the 429 comes at the limit summed over both", async () => {
    const agent = await registerAgent(pair.a);
    for (let attempt = 0; attempt < 3; attempt++) {
      const minute = Math.floor(Date.now() / 60_000);
      const probe = await me(pair.a.baseUrl, agent.token);
      const left = Number(probe.headers.get("x-ratelimit-remaining"));
      // A burst at both processes at once: exactly what is left of the window gets through.
      const burst = await Promise.all(
        Array.from({ length: 2 * RATE_LIMIT }, (_, i) => me(i % 2 ? pair.b.baseUrl : pair.a.baseUrl, agent.token)),
      );
      const after = await me(pair.b.baseUrl, agent.token);
      // The fixed window turned over mid-burst: counts are not comparable, try again.
      if (Math.floor(Date.now() / 60_000) !== minute) continue;
      expect(probe.status).toBe(200);
      expect(burst.filter((r) => r.status === 200)).toHaveLength(left);
      const refused = burst.filter((r) => r.status === 429);
      expect(refused).toHaveLength(2 * RATE_LIMIT - left);
      expect(refused[0]?.body.code).toBe("RATE_LIMITED");
      expect(Number(refused[0]?.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(after.status).toBe(429);
      expect(after.headers.get("x-ratelimit-remaining")).toBe("0");
      return;
    }
    throw new Error("three attempts straddled a minute boundary");
  });

  // The remaining tests need requests: a fresh window with a lifted limit is not available, so
  // they run on a second pair of processes without the tight limit.
  describe("auth cache", () => {
    const pair2 = processPair({ env: { OPENTRAIN_AUTH_CACHE_TTL_SECONDS: CACHE_TTL_SECONDS } });

    it("a token revoked in one process fails there on the very next request and in the other at the notice", async () => {
      const agent = await registerAgent(pair2.a);
      expect((await me(pair2.b.baseUrl, agent.token)).status).toBe(200);
      expect((await me(pair2.b.baseUrl, agent.token)).status).toBe(200);
      const tokenId = (await me(pair2.a.baseUrl, agent.token)).body.token.id;
      const revoked = await http(pair2.a.baseUrl, "DELETE", `/api/public/v1/tokens/${tokenId}`, { token: agent.token });
      expect(revoked.status).toBe(200);
      expect((await me(pair2.a.baseUrl, agent.token)).status).toBe(401);
      expect(
        (
          await until(
            () => me(pair2.b.baseUrl, agent.token),
            (r) => r.status === 401,
          )
        ).status,
      ).toBe(401);
    });

    it("a claim through one process retires the pre-claim token in the other", async () => {
      const agent = await registerAgent(pair2.a);
      const before = await me(pair2.b.baseUrl, agent.token);
      expect(before.body.account.claimed).toBe(false);
      const claimed = await claimAgent(pair2.a, agent);
      expect(
        (
          await until(
            () => me(pair2.b.baseUrl, agent.token),
            (r) => r.status === 401,
          )
        ).status,
      ).toBe(401);
      const after = await me(pair2.b.baseUrl, claimed.token);
      expect(after.status).toBe(200);
      expect(after.body.account.claimed).toBe(true);
    });

    it("a feature flag turned off through one process gates the other", async () => {
      const agent = await claimedAgent(pair2.a);
      const team = () => http(pair2.b.baseUrl, "GET", "/api/public/v1/team", { token: agent.token });
      expect((await team()).status).toBe(200);
      await setFeatures(pair2.a, agent.accountId, { public_api_team: false });
      const refused = await until(team, (r) => r.status === 403);
      expect(refused.status).toBe(403);
      expect(refused.body.details).toMatchObject({ reason: "feature_disabled", featureKey: "public_api_team" });
      await setFeatures(pair2.a, agent.accountId, { public_api_team: true });
      expect((await until(team, (r) => r.status === 200)).status).toBe(200);
    });
  });

  // Public search answers are cached per process (no database read on a warm answer): a job
  // published, edited or closed through one process shows in the other's search at the notice.
  describe("listing cache", () => {
    // Polling search without pause would spend the default 120 public reads a minute.
    const pair4 = processPair({
      env: { OPENTRAIN_PUBLIC_RATE_LIMIT_PER_MINUTE: "1000000", OPENTRAIN_API_RATE_LIMIT_PER_MINUTE: "1000000" },
    });

    it("publish, edit and close through one process reach the other's cached search", async () => {
      const agent = await claimedAgent(pair4.a);
      const word = `zyx${Date.now().toString(36)}`;
      const search = (baseUrl: string) => http(baseUrl, "GET", `/api/public/v1/jobs?q=${word}`, {});
      const titles = (r: HttpResult) => (r.body.jobs as { title: string }[]).map((j) => j.title);
      // Both processes cache the empty answer first.
      expect(titles(await search(pair4.a.baseUrl))).toEqual([]);
      expect(titles(await search(pair4.b.baseUrl))).toEqual([]);
      const jobId = await createOpenJob(pair4.a, agent.token, { title: `Label ${word} reviews` });
      expect(titles(await search(pair4.a.baseUrl))).toEqual([`Label ${word} reviews`]);
      const seen = await until(
        () => search(pair4.b.baseUrl),
        (r) => titles(r).length === 1,
      );
      expect(titles(seen)).toEqual([`Label ${word} reviews`]);

      const edited = await apiOf(pair4.a)("PATCH", `/jobs/${jobId}`, agent.token, { jobTitle: `Rank ${word} answers` });
      expect(edited.status, JSON.stringify(edited.body)).toBe(200);
      const renamed = await until(
        () => search(pair4.b.baseUrl),
        (r) => titles(r)[0] === `Rank ${word} answers`,
      );
      expect(titles(renamed)).toEqual([`Rank ${word} answers`]);

      const closed = await apiOf(pair4.a)("POST", `/jobs/${jobId}/close`, agent.token, {});
      expect(closed.status, JSON.stringify(closed.body)).toBe(200);
      expect(titles(await search(pair4.a.baseUrl))).toEqual([]);
      const gone = await until(
        () => search(pair4.b.baseUrl),
        (r) => titles(r).length === 0,
      );
      expect(titles(gone)).toEqual([]);
    });
  });

  // A poll at the end of an account's log is answered from memory (services/updates/event-tail-cache.ts):
  // an event written through the other process must still reach it.
  describe("event tail cache", () => {
    const pair5 = processPair({ env: { OPENTRAIN_API_RATE_LIMIT_PER_MINUTE: "1000000" } });

    it("an event written through one process reaches a poller at the end of its log on the other", async () => {
      const agent = await claimedAgent(pair5.a);
      const poll = (baseUrl: string, cursor?: string | null) =>
        http(baseUrl, "GET", `/api/public/v1/updates${cursor ? `?cursor=${cursor}` : ""}`, { token: agent.token });
      // The second process learns that the log is empty, then answers the same poll from memory.
      expect((await poll(pair5.b.baseUrl)).body).toEqual({ events: [], nextCursor: null, hasMore: false });
      expect((await poll(pair5.b.baseUrl)).body).toEqual({ events: [], nextCursor: null, hasMore: false });
      const jobId = await publishJob(pair5.a, agent.token, broadJob({ visibility: "INVITE_ONLY" }));
      const [first, second] = (await sandboxTrainers(pair5.a)).filter((x) => x.status === "ACTIVE");
      expect((await trainerApplies(pair5.a, first.id, jobId)).status).toBe(201);
      const seen = await until(
        () => poll(pair5.b.baseUrl),
        (r) => r.body.events?.length === 1,
      );
      expect(seen.body.events.map((e: { type: string }) => e.type)).toEqual(["proposal.received"]);
      // At the end again, from the cursor: empty from memory, then the next event arrives.
      const cursor = seen.body.nextCursor as string;
      expect((await poll(pair5.b.baseUrl, cursor)).body.events).toEqual([]);
      expect((await poll(pair5.b.baseUrl, cursor)).body.events).toEqual([]);
      expect((await trainerApplies(pair5.a, second.id, jobId)).status).toBe(201);
      // The writing process knows at once.
      expect((await poll(pair5.a.baseUrl, cursor)).body.events).toHaveLength(1);
      const next = await until(
        () => poll(pair5.b.baseUrl, cursor),
        (r) => r.body.events?.length === 1,
      );
      expect(next.body.events).toHaveLength(1);
      expect(BigInt(next.body.nextCursor)).toBeGreaterThan(BigInt(cursor));
    });
  });

  // The conversation list is answered from a per-process cache (services/messages/inbox-cache.ts):
  // a message or a read through one process must reach the other's cached list.
  describe("inbox cache", () => {
    const pair6 = processPair({ env: { OPENTRAIN_API_RATE_LIMIT_PER_MINUTE: "1000000" } });

    it("a message and a read marker written through one process reach the other's cached list", async () => {
      const agent = await claimedAgent(pair6.a);
      const [trainer] = await activeTrainers(pair6.a);
      const thread = await openThread(pair6.a, agent, trainer!);
      const list = (baseUrl: string) => http(baseUrl, "GET", "/api/public/v1/messages", { token: agent.token });
      const first = (r: HttpResult) => r.body.conversations?.[0] as { unreadCount: number; lastMessage: unknown };
      // The second process caches the empty thread, twice the same.
      expect(first(await list(pair6.b.baseUrl))).toMatchObject({ lastMessage: null, unreadCount: 0 });
      expect(first(await list(pair6.b.baseUrl))).toMatchObject({ lastMessage: null, unreadCount: 0 });
      const sent = await http(pair6.a.baseUrl, "POST", "/api/public/v1/messages", {
        token: agent.token,
        json: { conversationId: thread.conversationId, content: "Hi! The guidelines follow." },
      });
      expect(sent.status, JSON.stringify(sent.body)).toBe(201);
      expect((await trainerWrites(pair6.a, trainer!.id, thread.conversationId, "Happy to help.")).status).toBe(201);
      const unread = await until(
        () => list(pair6.b.baseUrl),
        (r) => first(r)?.unreadCount === 1,
      );
      expect(first(unread)).toMatchObject({ unreadCount: 1, lastMessage: { content: "Happy to help." } });
      // Read through the second process; the first (which cached nothing yet) and then a cached
      // answer of the first catch up with a read through the second.
      expect(first(await list(pair6.a.baseUrl))).toMatchObject({ unreadCount: 1 });
      const opened = await http(
        pair6.b.baseUrl,
        "GET",
        `/api/public/v1/messages?conversationId=${thread.conversationId}`,
        {
          token: agent.token,
        },
      );
      expect(opened.status, JSON.stringify(opened.body)).toBe(200);
      expect(first(await list(pair6.b.baseUrl))).toMatchObject({ unreadCount: 0 });
      const read = await until(
        () => list(pair6.a.baseUrl),
        (r) => first(r)?.unreadCount === 0,
      );
      expect(first(read)).toMatchObject({ unreadCount: 0 });
    });
  });

  // Money operations raced from both processes: each takes effect once, and the ledger agrees.
  describe("money races", () => {
    resetTrainerPool();
    const pair3 = processPair();
    const helper = (baseUrl: string, path: string, json: unknown) =>
      http(baseUrl, "POST", `/api/sandbox/v1${path}`, { token: pair3.a.server.config.sandboxSecret, json });

    it("one top-up paid at both processes at once is credited once", async () => {
      const e = await employer(pair3.a);
      const topUpId = await createTopUp(pair3.a, e.token, 300);
      const paid = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          helper(i % 2 ? pair3.b.baseUrl : pair3.a.baseUrl, `/top-ups/${topUpId}/complete`, {
            card: "4242424242424242",
          }),
        ),
      );
      expect(paid.every((r) => r.status === 200)).toBe(true);
      expect(paid.filter((r) => !r.body.alreadyPaid)).toHaveLength(1);
      const entries = await allLedgerEntries(pair3.a, e.token);
      expect(entries.filter((x) => x.type === "TOP_UP")).toHaveLength(1);
      const credits = await api(pair3.a, "GET", "/credits", e.token);
      expect(credits.body.credits.availableCents).toBe(30_000);
      await auditLedger(pair3.a, e.accountId, e.token);
    });

    it("one hire approval confirmed at both processes at once executes once", async () => {
      const e = await employer(pair3.a);
      await buyCredits(pair3.a, e.token, 1000);
      const { jobId, proposalIds } = await jobWithProposals(pair3.a, e, 1);
      const req = await hire(pair3.a, e.token, proposalIds[0]!, { milestone: { name: "Race", amount: 100 } });
      expect(req.status).toBe(202);
      const approvalId = req.body.approval.id;
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          helper(i % 2 ? pair3.b.baseUrl : pair3.a.baseUrl, `/approvals/${approvalId}/confirm`, {
            paymentSource: "credits",
          }),
        ),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(results.filter((r) => r.status === 409)).toHaveLength(19);
      const contracts = await api(pair3.a, "GET", `/contracts?jobId=${jobId}`, e.token);
      expect(contracts.body.contracts).toHaveLength(1);
      const entries = await allLedgerEntries(pair3.a, e.token);
      expect(entries.filter((x) => x.type === "HOLD")).toHaveLength(1);
      const credits = await api(pair3.a, "GET", "/credits", e.token);
      expect(credits.body.credits).toMatchObject({
        availableCents: 100_000 - hireChargeCents(10_000),
        reservedCents: 10_000,
      });
      await auditLedger(pair3.a, e.accountId, e.token);
    });
  });
});
