import { execFile, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimedAgent, launchBrowser, sandbox, signIn, startTestServer, type TestServer } from "../src/index.js";

/**
 * The money journey of the issue, through the BUILT `opentrain` and `opentrain-mcp` binaries and a
 * real Chromium, against an in-process sandbox server. The agent cannot move money: every step
 * that does is confirmed by the human in the browser. Along the way: a hire refused for lack of
 * funds (billingUrl), a human-minted token with payments:write, a top-up paid on the checkout
 * page after a declined card, the hire confirmed with credits, a milestone funded and released, an
 * approval left alone until it expires, the contract ended with its escrow refunded, and the
 * balances checked against the ledger.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const CLI = join(root, "packages/cli/dist/bin.js");
const MCP = join(root, "packages/mcp/dist/bin.js");

const TOP_UP_USD = 500;
const HIRE_USD = 200;
/** 10 % marketplace fee (half-up to the cent) on the milestone, in cents. */
const feeCents = (cents: number) => Math.floor((cents * 10 + 50) / 100);
const CONTRACT_FEE_CENTS = 995;

let t: TestServer;
let browser: Browser;
let home: string;
let env: Record<string, string>;

beforeAll(async () => {
  t = await startTestServer();
  browser = await launchBrowser();
  home = mkdtempSync(join(tmpdir(), "opentrain-money-journey-"));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
  if (home) rmSync(home, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI without blocking the event loop (the server runs in this process). */
function opentrain(args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], { env, timeout: 120_000 }, (err, stdout, stderr) => {
      const code = err ? ((err as { code?: unknown }).code ?? 1) : 0;
      done({ code: typeof code === "number" ? code : 1, stdout, stderr });
    });
  });
}

/**
 * Starts `opentrain approvals get <id> --wait` and resolves `waiting` once it has said on stderr
 * that it is waiting (its first check saw the approval pending), so the human acts only then.
 */
function waitForApproval(approvalId: string): { waiting: Promise<void>; done: Promise<Run> } {
  const child = spawn(
    process.execPath,
    [CLI, "approvals", "get", approvalId, "--wait", "--interval", "0.2", "--timeout", "120"],
    { env },
  );
  let stdout = "";
  let stderr = "";
  let announce: () => void = () => {};
  const waiting = new Promise<void>((ok) => (announce = ok));
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    if (stderr.includes("Waiting for a signed-in human")) announce();
  });
  const done = new Promise<Run>((ok) => child.on("close", (code) => ok({ code: code ?? 1, stdout, stderr })));
  void done.then(() => announce());
  return { waiting, done };
}

/** `opentrain --json …`, parsed; fails the test on a non-zero exit. */
async function cliJson(args: string[]): Promise<any> {
  const r = await opentrain(["--json", ...args]);
  expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(0);
  return JSON.parse(r.stdout);
}

async function advance(duration: string): Promise<void> {
  const res = await sandbox(t, "POST", "/clock/advance", { duration });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** The approval id in the `Approval: apr_… (…)` line of a co-sign answer. */
function approvalIdIn(stdout: string): string {
  const id = /^Approval:\s+(\S+) \(/m.exec(stdout)?.[1];
  expect(id, stdout).toBeTruthy();
  return id!;
}

/**
 * The human on the approval page: picks how to pay (when money moves in) and confirms. Returns
 * the page's text once the page shows the approval confirmed.
 */
async function confirmOnApprovalPage(page: Page, approvalUrl: string, source?: "credits" | "card"): Promise<string> {
  await page.goto(approvalUrl);
  await page.locator("#approval-status[data-status=pending]").waitFor();
  if (source) await page.check(`#source-${source}`);
  await page.click("#confirm");
  await page.locator("#approval-status[data-status=confirmed]").waitFor();
  return page.locator("#approval").innerText();
}

describe("money journey: hire, credits, milestones, expiry and the end of a contract", () => {
  it(
    "goes from a refused hire to an ended contract with the balances matching the ledger",
    { timeout: 600_000 },
    async () => {
      // --- An agent registers and a human claims the account; CLI and MCP share the credentials file.
      const agent = await claimedAgent(t, { agent_name: "Money journey", organization_name: "Kestrel Data" });
      mkdirSync(join(home, "opentrain"), { recursive: true });
      writeFileSync(join(home, "opentrain", "cli.json"), JSON.stringify({ apiToken: agent.token, baseUrl: t.baseUrl }));
      env = {
        PATH: process.env.PATH ?? "",
        HOME: home,
        XDG_CONFIG_HOME: home,
        OPENTRAIN_API_BASE_URL: t.baseUrl,
        OPENTRAIN_SANDBOX_SECRET: t.sandboxSecret,
        NO_COLOR: "1",
      };
      const mcp = new Client({ name: "money-journey", version: "1.0.0" });
      await mcp.connect(new StdioClientTransport({ command: process.execPath, args: [MCP], env, stderr: "pipe" }));
      const tool = async (name: string, args: Record<string, unknown> = {}) => {
        const r = (await mcp.callTool({ name, arguments: args })) as CallToolResult;
        const text = r.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");
        return { text, isError: r.isError === true, data: (r.structuredContent ?? {}) as any };
      };
      const context = await browser.newContext();
      const page = await context.newPage();

      try {
        // --- The agent publishes a job; virtual time passes until simulated trainers apply.
        const jobFile = join(home, "job.json");
        writeFileSync(
          jobFile,
          JSON.stringify({
            title: "Street Scene Image Bounding Boxes (Kestrel)",
            description:
              "Draw tight bounding boxes around cars, bikes and pedestrians in street photos and tag each box with its class.",
            paymentType: "PAY_PER_HOUR",
            rateAmount: 16,
            languages: ["English"],
            countries: [],
            labelTypes: ["Bounding Box"],
            tools: ["CVAT"],
            dataType: "Image",
            experienceLevel: "ENTRY_LEVEL",
            dataVolumeUnit: "NUMBER_OF_FILES",
            dataVolume: 10000,
            headcount: 3,
          }),
        );
        const draft = await cliJson(["jobs", "draft", "create", "--canonical-file", jobFile]);
        const jobId: string = draft.jobId;
        expect(jobId).toMatch(/^job_/);
        expect((await opentrain(["jobs", "publish", jobId])).code).toBe(0);
        let proposals: any[] = [];
        for (let hours = 0; hours < 72 && proposals.length === 0; hours += 6) {
          await advance("6h");
          proposals = (await cliJson(["proposals", "list", jobId])).proposals;
        }
        expect(proposals.length, "simulated trainers applied").toBeGreaterThan(0);
        const ranked = await tool("opentrain_list_proposals", { jobId });
        const proposalId = /proposal (\S+)$/m.exec(ranked.text)![1]!;

        // --- Hiring with no card and no credits is refused; the text relays the billing link.
        const milestone = { name: "Pilot batch", description: "The first batch of street photos", amount: HIRE_USD };
        const refused = await tool("opentrain_hire_proposal", { proposalId, milestone });
        expect(refused.isError, refused.text).toBe(true);
        expect(refused.data.details.reason).toBe("payment_method_required");
        const billingUrl: string = refused.data.details.billingUrl;
        expect(refused.text).toContain(`Billing page for your human: ${billingUrl}`);
        expect(refused.text).toContain("opentrain_create_credit_top_up");

        // --- Agent tokens never carry payments:write: the human mints one in Settings → API keys.
        const noScope = await tool("opentrain_create_credit_top_up", { amountUsd: TOP_UP_USD });
        expect(noScope.isError).toBe(true);
        expect(noScope.text).toContain("Agent tokens never carry payments:write");
        await signIn(page, t.baseUrl, agent.email, "/settings/api-keys");
        await page.fill("#token-name", "Money agent");
        for (const scope of [
          "jobs:read",
          "jobs:write",
          "proposals:read",
          "proposals:write",
          "messages:read",
          "payments:read",
          "payments:write",
        ]) {
          await page.check(`input[name=scopes][value='${scope}']`);
        }
        await page.click("#mint-form button[type=submit]");
        const minted = (await page.locator("#new-token").textContent())!.trim();
        const login = await opentrain(["auth", "login", "--api-key", minted]);
        expect(login.code, login.stderr).toBe(0);

        // --- The agent starts a top-up; the human pays it on the checkout page, first with a declined card.
        const topUp = await tool("opentrain_create_credit_top_up", { amountUsd: TOP_UP_USD });
        expect(topUp.isError, topUp.text).toBe(false);
        const checkoutUrl: string = topUp.data.checkoutUrl;
        expect(topUp.text).toContain(`Hand this checkout link to your human (they pay it signed in): ${checkoutUrl}`);
        expect(topUp.text).toContain("$500.00");
        await page.goto(checkoutUrl);
        const pay = async (number: string) => {
          await page.fill("#card-number", number);
          await page.fill("#card-expiry", "12/34");
          await page.fill("#card-cvc", "123");
          await page.click("#pay");
        };
        await pay("4000 0000 0000 0002");
        await expect(page.locator(".notice.error").innerText()).resolves.toMatch(/declined/i);
        await expect(page.locator("#checkout-status").innerText()).resolves.toBe("PENDING");
        const stillPending = await tool("opentrain_get_credit_top_up", { topUpId: topUp.data.topUpId });
        expect(stillPending.text).toContain("is PENDING");
        await pay("4242 4242 4242 4242");
        await page.locator("#checkout-status", { hasText: "COMPLETED" }).waitFor();
        const paid = await tool("opentrain_get_credit_top_up", { topUpId: topUp.data.topUpId });
        expect(paid.text).toContain("Top-up");
        expect(paid.text).toContain("is COMPLETED");
        const afterTopUp = await opentrain(["credits", "show"]);
        expect(afterTopUp.stdout).toMatch(/^Available:\s+\$500\.00$/m);

        // --- The hire: a pending approval whose link the agent hands to its human.
        const hire = await tool("opentrain_hire_proposal", { proposalId, milestone });
        expect(hire.isError, hire.text).toBe(false);
        const hireApproval = hire.data.approval;
        expect(hireApproval.status).toBe("pending");
        expect(hire.text).toContain(`Hand this link to your human`);
        expect(hire.text).toContain(hireApproval.approvalUrl);
        expect(hire.text).toContain("approval.confirmed");
        const again = await tool("opentrain_hire_proposal", { proposalId, milestone });
        expect(again.data.approval.id, "same terms, same approval").toBe(hireApproval.id);
        const waiting = await tool("opentrain_get_approval", { approvalId: hireApproval.id });
        expect(waiting.text).toContain("is still pending");

        // The human opens the link: the milestone and the fees itemised, then pays from the credit balance.
        await page.goto(hireApproval.approvalUrl);
        await expect(page.locator("#fee-escrow").innerText()).resolves.toBe("$200.00");
        await expect(page.locator("#fee-marketplace").innerText()).resolves.toBe("$20.00");
        await expect(page.locator("#fee-contract").innerText()).resolves.toBe("$9.95");
        await expect(page.locator("#total").innerText()).resolves.toBe("$229.95");
        await expect(page.locator("#available-credits").innerText()).resolves.toBe("$500.00");
        await confirmOnApprovalPage(page, hireApproval.approvalUrl, "credits");

        const confirmed = await tool("opentrain_get_approval", { approvalId: hireApproval.id });
        expect(confirmed.text).toContain("was CONFIRMED");
        const contractId: string = confirmed.data.approval.result.contractId;
        expect(confirmed.text).toContain(`Hired: contract ${contractId}`);
        const contract = await tool("opentrain_get_contract", { contractId });
        expect(contract.text).toMatch(/#1 Pilot batch — \$200\.00 — ACTIVE_FUNDED/);
        expect(contract.text).toContain("$200.00 in escrow");
        expect(contract.text).toMatch(/Budget: OK/);
        const shown = await opentrain(["contracts", "get", contractId]);
        expect(shown.code, shown.stderr).toBe(0);
        expect(shown.stdout).toContain(`Contract:      ${contractId} (active)`);
        expect(shown.stdout).toContain("Milestones (1, $200.00 in escrow):");
        const hireCents = HIRE_USD * 100;
        let expectedAvailable = TOP_UP_USD * 100 - hireCents - feeCents(hireCents) - CONTRACT_FEE_CENTS;
        expect(await cliJson(["credits", "show"])).toMatchObject({
          credits: { availableCents: expectedAvailable, reservedCents: hireCents },
        });

        // --- A second milestone, funded after the human confirms in the browser while the CLI waits.
        const detail = (await cliJson(["contracts", "get", contractId])).contract;
        const sizing =
          detail.paymentType === "FIXED_PRICE"
            ? ["--amount-usd", "60"]
            : ["--volume", detail.paymentType === "PAY_PER_HOUR" ? "4" : "500"];
        const created = await cliJson([
          "milestones",
          "create",
          contractId,
          "--name",
          "Second batch",
          "--description",
          "Next boxes",
          ...sizing,
        ]);
        const m2 = created.milestone;
        expect(m2.status).toBe("NOT_FUNDED");
        const m2Cents = Math.round(m2.amountUsd * 100);
        const fund = await opentrain(["milestones", "fund", m2.id]);
        expect(fund.code, fund.stderr).toBe(0);
        const fundApprovalId = approvalIdIn(fund.stdout);
        const fundUrl = /^ {2}(http\S+\/approvals\/\S+)$/m.exec(fund.stdout)![1]!;
        const fundWaiter = waitForApproval(fundApprovalId);
        await fundWaiter.waiting;
        await confirmOnApprovalPage(page, fundUrl, "credits");
        const fundWait = await fundWaiter.done;
        expect(fundWait.code, fundWait.stderr).toBe(0);
        expect(fundWait.stderr).toContain(
          `Waiting for a signed-in human to confirm the milestone funding at ${fundUrl}`,
        );
        expect(fundWait.stdout).toContain(`Funded: milestone ${m2.id} is in escrow`);
        expectedAvailable -= m2Cents + feeCents(m2Cents);

        // --- The trainer requests payout; the agent asks for the release; the human confirms it.
        const payout = await sandbox(t, "POST", `/milestones/${m2.id}/request-payout`);
        expect(payout.status, JSON.stringify(payout.body)).toBe(200);
        const withPayout = await opentrain(["contracts", "get", contractId]);
        expect(withPayout.stdout).toContain("ACTIVE_FUNDED (payout requested)");
        expect(withPayout.stdout).toContain(`release it with opentrain milestones approve ${m2.id}`);
        const release = await opentrain(["milestones", "approve", m2.id]);
        expect(release.code, release.stderr).toBe(0);
        const releaseId = approvalIdIn(release.stdout);
        const releaseUrl = /^ {2}(http\S+\/approvals\/\S+)$/m.exec(release.stdout)![1]!;
        await confirmOnApprovalPage(page, releaseUrl);
        const released = await opentrain(["approvals", "get", releaseId]);
        expect(released.code).toBe(0);
        expect(released.stdout).toContain(`Released: milestone ${m2.id} is paid out to the trainer`);

        // --- An approval left alone expires after 72 h of virtual time.
        const m3 = (await cliJson(["milestones", "create", contractId, "--description", "Maybe later", ...sizing]))
          .milestone;
        const idle = await opentrain(["milestones", "fund", m3.id]);
        expect(idle.code, idle.stderr).toBe(0);
        const idleId = approvalIdIn(idle.stdout);
        expect((await opentrain(["approvals", "get", idleId])).code, "pending exits 10").toBe(10);
        await advance("73h");
        const expired = await opentrain(["approvals", "get", idleId]);
        expect(expired.code, "expired exits 11").toBe(11);
        expect(expired.stdout).toMatch(/^Status:\s+expired$/m);
        expect(expired.stdout).toContain(`To ask again (a new approval and link): opentrain milestones fund ${m3.id}`);
        const expiredText = await tool("opentrain_get_approval", { approvalId: idleId });
        expect(expiredText.text).toContain("EXPIRED");

        // --- Ending the contract with the first milestone still in escrow needs the human; the escrow is refunded.
        const end = await opentrain(["contracts", "end", contractId]);
        expect(end.code, end.stderr).toBe(0);
        expect(end.stdout).toContain(`Ending contract ${contractId} needs a human`);
        const endId = approvalIdIn(end.stdout);
        const endUrl = /^ {2}(http\S+\/approvals\/\S+)$/m.exec(end.stdout)![1]!;
        const endWaiter = waitForApproval(endId);
        await endWaiter.waiting;
        await confirmOnApprovalPage(page, endUrl);
        const endWait = await endWaiter.done;
        expect(endWait.code, endWait.stderr).toBe(0);
        expect(endWait.stdout).toContain(`Ended: contract ${contractId} is over.`);
        const ended = await opentrain(["contracts", "get", contractId]);
        expect(ended.stdout).toContain(`Contract:      ${contractId} (ended)`);
        expectedAvailable += hireCents; // milestone 1's unspent escrow is back in the balance
        const afterEnd = await opentrain(["contracts", "end", contractId]);
        expect(afterEnd.code, "ending twice is a conflict").toBe(7);

        // --- Balances against the ledger: the escrow of milestone 1 came back, milestone 2 went to the trainer.
        const credits = (await cliJson(["credits", "show"])).credits;
        const ledger = (await cliJson(["credits", "ledger", "--limit", "100"])).entries as any[];
        expect(credits.reservedCents).toBe(0);
        expect(credits.availableCents).toBe(expectedAvailable);
        // Each entry's amount is its effect on the available balance; a CAPTURE's is its effect on the
        // reserved one (escrow paid out or fees taken from the hold).
        const sum = (type: string) => ledger.filter((e) => e.type === type).reduce((s, e) => s + e.amountCents, 0);
        expect(
          ledger.filter((e) => e.type !== "CAPTURE").reduce((s, e) => s + e.amountCents, 0),
          "available = Σ ledger amounts",
        ).toBe(credits.availableCents);
        expect(-sum("HOLD") - sum("HOLD_RELEASE") + sum("CAPTURE"), "reserved = holds − releases − captures").toBe(
          credits.reservedCents,
        );
        const types = ledger.map((e) => e.type);
        expect(types).toContain("TOP_UP");
        expect(types).toContain("HOLD");
        expect(types).toContain("CAPTURE");
        expect(types).toContain("HOLD_RELEASE");
        expect(
          ledger.filter((e) => e.milestoneId === m3.id),
          "the expired funding moved nothing",
        ).toEqual([]);
        const shownCredits = await opentrain(["credits", "show"]);
        expect(shownCredits.stdout).toMatch(/^Reserved:\s+\$0\.00 \(escrow holds\)$/m);
      } finally {
        await context.close();
        await mcp.close();
      }
    },
  );
});
