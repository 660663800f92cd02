/**
 * The BUILT `opentrain` binary's sandbox helpers for money coming in: pay a top-up's checkout and
 * save a card, as the human, against an in-process sandbox server. Needs the testkit built
 * (`npm run build`); the CLI itself is (re)built incrementally here.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const CLI_DIR = resolve(here, "..");
const BIN = join(CLI_DIR, "dist/bin.js");
const TESTKIT = resolve(CLI_DIR, "../testkit/dist/index.js");
const TSC = resolve(CLI_DIR, "../../node_modules/typescript/bin/tsc");
const testkitBuilt = existsSync(TESTKIT);

type Testkit = typeof import("@opentrain-ai/testkit");
type TestServer = import("@opentrain-ai/testkit").TestServer;

function buildCli(): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    execFile(process.execPath, [TSC, "-b", CLI_DIR], { timeout: 120_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`building the CLI failed:\n${stdout}${stderr}`));
      else resolvePromise();
    });
  });
}

describe.skipIf(!testkitBuilt)("opentrain sandbox top-ups / payment-methods", () => {
  let kit: Testkit;
  let t: TestServer;
  let home: string;
  let token: string;
  let accountId: string;

  const api = (method: string, path: string, json?: unknown) =>
    kit.http(t.baseUrl, method, `/api/public/v1${path}`, { token, json });

  function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const env = {
      PATH: process.env.PATH ?? "",
      HOME: home,
      XDG_CONFIG_HOME: home,
      OPENTRAIN_SANDBOX_SECRET: t.sandboxSecret,
      OT_API_BASE_URL: t.baseUrl,
      OT_API_TOKEN: token,
      NO_COLOR: "1",
    };
    return new Promise((done) => {
      execFile(process.execPath, [BIN, ...args], { env, timeout: 60_000 }, (err, stdout, stderr) => {
        done({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr });
      });
    });
  }

  beforeAll(async () => {
    await buildCli();
    kit = (await import(TESTKIT)) as Testkit;
    t = await kit.startTestServer();
    home = mkdtempSync(join(tmpdir(), "opentrain-cli-billing-"));
    const agent = await kit.claimedAgent(t);
    accountId = agent.accountId;
    token = await kit.mintToken(t, agent.accountId, ["payments:read", "payments:write"]);
  }, 180_000);

  afterAll(async () => {
    await t?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it("top-ups complete: a declined card exits 6 and leaves it pending; the default card pays it once", async () => {
    const created = await api("POST", "/credits/top-ups", { amountUsd: 42.5 });
    expect(created.status).toBe(201);
    const topUpId = created.body.topUpId;

    const declined = await cli(["sandbox", "top-ups", "complete", topUpId, "--card", "4000 0000 0000 0002"]);
    expect(declined.code).toBe(6);
    expect(declined.stderr).toContain("declined");
    expect((await api("GET", `/credits/top-ups/${topUpId}`)).body.topUp.status).toBe("PENDING");

    const paid = await cli(["sandbox", "top-ups", "complete", topUpId]);
    expect(paid.code, paid.stderr).toBe(0);
    expect(paid.stdout).toContain("$42.50 added to the credits");
    expect(paid.stdout).toContain("COMPLETED");

    const again = await cli(["sandbox", "top-ups", "complete", topUpId, "--json"]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ alreadyPaid: true, topUp: { id: topUpId, status: "COMPLETED" } });
    expect((await api("GET", "/credits")).body.credits.availableCents).toBe(4_250);
  });

  it("payment-methods add: defaults to the token's account; a declined card exits 6", async () => {
    const declined = await cli(["sandbox", "payment-methods", "add", "--card", "4000000000000002"]);
    expect(declined.code).toBe(6);
    const saved = await cli(["sandbox", "payment-methods", "add"]);
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stdout).toContain("VISA ending in 4242");
    expect(saved.stdout).toContain(accountId);
    const explicit = await cli([
      "sandbox",
      "payment-methods",
      "add",
      accountId,
      "--card",
      "4000000000000341",
      "--json",
    ]);
    expect(explicit.code).toBe(0);
    expect(JSON.parse(explicit.stdout)).toMatchObject({ accountId, paymentMethod: { last4: "0341" } });
  });
});
