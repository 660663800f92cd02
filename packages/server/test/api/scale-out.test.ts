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

describe.skipIf(!process.env.TEST_DATABASE_URL)("two server processes on one PostgreSQL", () => {
  let a: TestServer;
  let b: OtherProcess;
  beforeAll(async () => {
    a = await startTestServer({
      env: {
        OPENTRAIN_API_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
        OPENTRAIN_AUTH_CACHE_TTL_SECONDS: CACHE_TTL_SECONDS,
      },
    });
    b = await startSecondProcess(a);
  });
  afterAll(async () => {
    await stopProcess(b);
    await a?.close();
  });

  it("share one per-IP rate limit: the 429 comes at the limit summed over both", async () => {
    const agent = await registerAgent(a);
    for (let attempt = 0; attempt < 3; attempt++) {
      const minute = Math.floor(Date.now() / 60_000);
      const probe = await me(a.baseUrl, agent.token);
      const left = Number(probe.headers.get("x-ratelimit-remaining"));
      // A burst at both processes at once: exactly what is left of the window gets through.
      const burst = await Promise.all(
        Array.from({ length: 2 * RATE_LIMIT }, (_, i) => me(i % 2 ? b.baseUrl : a.baseUrl, agent.token)),
      );
      const after = await me(b.baseUrl, agent.token);
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
    let a2: TestServer;
    let b2: OtherProcess;
    beforeAll(async () => {
      a2 = await startTestServer({ env: { OPENTRAIN_AUTH_CACHE_TTL_SECONDS: CACHE_TTL_SECONDS } });
      b2 = await startSecondProcess(a2);
    });
    afterAll(async () => {
      await stopProcess(b2);
      await a2?.close();
    });

    it("a token revoked in one process fails there on the very next request and in the other at the notice", async () => {
      const agent = await registerAgent(a2);
      expect((await me(b2.baseUrl, agent.token)).status).toBe(200);
      expect((await me(b2.baseUrl, agent.token)).status).toBe(200);
      const tokenId = (await me(a2.baseUrl, agent.token)).body.token.id;
      const revoked = await http(a2.baseUrl, "DELETE", `/api/public/v1/tokens/${tokenId}`, { token: agent.token });
      expect(revoked.status).toBe(200);
      expect((await me(a2.baseUrl, agent.token)).status).toBe(401);
      expect(
        (
          await until(
            () => me(b2.baseUrl, agent.token),
            (r) => r.status === 401,
          )
        ).status,
      ).toBe(401);
    });

    it("a claim through one process retires the pre-claim token in the other", async () => {
      const agent = await registerAgent(a2);
      const before = await me(b2.baseUrl, agent.token);
      expect(before.body.account.claimed).toBe(false);
      const claimed = await claimAgent(a2, agent);
      expect(
        (
          await until(
            () => me(b2.baseUrl, agent.token),
            (r) => r.status === 401,
          )
        ).status,
      ).toBe(401);
      const after = await me(b2.baseUrl, claimed.token);
      expect(after.status).toBe(200);
      expect(after.body.account.claimed).toBe(true);
    });

    it("a feature flag turned off through one process gates the other", async () => {
      const agent = await claimedAgent(a2);
      const team = () => http(b2.baseUrl, "GET", "/api/public/v1/team", { token: agent.token });
      expect((await team()).status).toBe(200);
      await setFeatures(a2, agent.accountId, { public_api_team: false });
      const refused = await until(team, (r) => r.status === 403);
      expect(refused.status).toBe(403);
      expect(refused.body.details).toMatchObject({ reason: "feature_disabled", featureKey: "public_api_team" });
      await setFeatures(a2, agent.accountId, { public_api_team: true });
      expect((await until(team, (r) => r.status === 200)).status).toBe(200);
    });
  });
});
