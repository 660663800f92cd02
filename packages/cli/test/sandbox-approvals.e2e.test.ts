/**
 * The BUILT `opentrain` binary's sandbox helpers for the co-sign flow (confirm and decline an
 * approval as the human, request payout as the trainer) against an in-process sandbox server.
 * Needs the testkit built (`npm run build`); the CLI itself is (re)built incrementally here.
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

describe.skipIf(!testkitBuilt)("opentrain sandbox approvals / milestones", () => {
  let kit: Testkit;
  let t: TestServer;
  let home: string;
  let token: string;
  let proposalIds: string[];

  const api = (method: string, path: string, json?: unknown) =>
    kit.http(t.baseUrl, method, `/api/public/v1${path}`, { token, json });

  function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const env = {
      PATH: process.env.PATH ?? "",
      HOME: home,
      XDG_CONFIG_HOME: home,
      OPENTRAIN_SANDBOX_SECRET: t.sandboxSecret,
      OT_API_BASE_URL: t.baseUrl,
      NO_COLOR: "1",
    };
    return new Promise((done) => {
      execFile(process.execPath, [BIN, ...args], { env, timeout: 60_000 }, (err, stdout, stderr) => {
        done({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr });
      });
    });
  }

  async function hireRequest(proposalId: string, amount: number): Promise<string> {
    const res = await api("POST", `/proposals/${proposalId}/hire`, { milestone: { name: "CLI batch", amount } });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    return res.body.approval.id;
  }

  beforeAll(async () => {
    await buildCli();
    kit = (await import(TESTKIT)) as Testkit;
    t = await kit.startTestServer();
    home = mkdtempSync(join(tmpdir(), "opentrain-cli-approvals-"));
    const agent = await kit.claimedAgent(t);
    token = await kit.mintToken(t, agent.accountId, [
      "payments:read",
      "payments:write",
      "jobs:write",
      "proposals:write",
    ]);
    const topUp = await api("POST", "/credits/top-ups", { amountUsd: 500 });
    expect((await kit.sandbox(t, "POST", `/top-ups/${topUp.body.topUpId}/complete`, {})).status).toBe(200);
    const draft = await api("POST", "/job-drafts", {
      format: "opentrain_canonical",
      job: {
        title: "Chatbot Answer Rating",
        description: "Rate chatbot answers for helpfulness and accuracy on a five-point scale.",
        paymentType: "PAY_PER_HOUR",
        rateAmount: 15,
        experienceLevel: "ENTRY_LEVEL",
        dataVolumeUnit: "NUMBER_OF_FILES",
        languages: ["English"],
        visibility: "INVITE_ONLY",
      },
    });
    expect((await api("POST", `/jobs/${draft.body.jobId}/publish`, {})).status).toBe(200);
    const trainers = (await kit.sandbox(t, "GET", "/trainers?limit=20")).body.trainers.filter(
      (x: { status: string }) => x.status === "ACTIVE",
    );
    proposalIds = [];
    for (const trainer of trainers.slice(0, 2)) {
      const res = await kit.sandbox(t, "POST", `/trainers/${trainer.id}/proposals`, { jobId: draft.body.jobId });
      proposalIds.push(res.body.proposalId);
    }
  }, 180_000);

  afterAll(async () => {
    await t?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it("confirm runs the hire with the human's edit; request-payout marks the work done once", async () => {
    const approvalId = await hireRequest(proposalIds[0]!, 300);
    const noSource = await cli(["sandbox", "approvals", "confirm", approvalId]);
    expect(noSource.code).toBe(6);
    expect(noSource.stderr).toContain("paymentSource");

    const done = await cli([
      "sandbox",
      "approvals",
      "confirm",
      approvalId,
      "--payment-source",
      "credits",
      "--milestone-amount",
      "250",
    ]);
    expect(done.stderr).toBe("");
    expect(done.code).toBe(0);
    expect(done.stdout).toContain("Confirmed as the human");
    expect(done.stdout).toMatch(/^Status:\s+confirmed$/m);
    const contractId = /^contractId:\s+(\S+)$/m.exec(done.stdout)?.[1];
    expect(contractId).toMatch(/^ctr_/);

    const again = await cli(["sandbox", "approvals", "confirm", approvalId, "--payment-source", "credits"]);
    expect(again.code).toBe(7);

    const contract = await api("GET", `/contracts/${contractId}`);
    const milestone = contract.body.contract.milestones[0];
    expect(milestone.amountUsd).toBe(250);
    const payout = await cli(["sandbox", "milestones", "request-payout", milestone.id]);
    expect(payout.code).toBe(0);
    expect(payout.stdout).toContain("requested payout");
    expect(payout.stdout).toContain(`opentrain milestones approve ${milestone.id}`);
    const twice = await cli(["sandbox", "milestones", "request-payout", milestone.id, "--json"]);
    expect(twice.code).toBe(0);
    expect(JSON.parse(twice.stdout)).toMatchObject({ milestoneId: milestone.id, alreadyRequested: true });
    const read = await api("GET", `/contracts/${contractId}`);
    expect(read.body.contract.milestones[0]).toMatchObject({ pendingApproval: true, status: "ACTIVE_FUNDED" });
  });

  it("decline leaves nothing done; declining twice is a conflict (exit 7)", async () => {
    const approvalId = await hireRequest(proposalIds[1]!, 40);
    const res = await cli(["sandbox", "approvals", "decline", approvalId, "--json"]);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).approval).toMatchObject({ id: approvalId, status: "declined", result: null });
    const again = await cli(["sandbox", "approvals", "decline", approvalId]);
    expect(again.code).toBe(7);
    expect(again.stderr).toContain("declined");
    const unknown = await cli(["sandbox", "milestones", "request-payout", "mst_noSuchMilestone00000"]);
    expect(unknown.code).toBe(5);
  });
});
