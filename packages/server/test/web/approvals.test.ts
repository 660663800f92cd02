import { SCOPES } from "@opentrain-ai/contract";
import { claimedAgent, http, mintToken, sandbox, startTestServer, type TestServer } from "@opentrain-ai/testkit";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signIn } from "./browser.js";

let t: TestServer;
let browser: Browser;
let token: string;
let ownerEmail: string;
let accountId: string;
let proposalIds: string[];

const api = (method: string, path: string, json?: unknown) =>
  http(t.baseUrl, method, `/api/public/v1${path}`, { token, json });

async function requestHire(proposalId: string, milestone: Record<string, unknown>): Promise<any> {
  const res = await api("POST", `/proposals/${proposalId}/hire`, { milestone });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return res.body.approval;
}

const text = async (page: Page, selector: string) => ((await page.locator(selector).textContent()) ?? "").trim();

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const agent = await claimedAgent(t, { organization_name: "Approvals Inc" });
  ownerEmail = agent.email;
  accountId = agent.accountId;
  token = await mintToken(t, accountId, [...SCOPES], "approvals page");
  // $1,000 of credits.
  const topUp = await api("POST", "/credits/top-ups", { amountUsd: 1000 });
  expect(
    (await sandbox(t, "POST", `/top-ups/${topUp.body.topUpId}/complete`, { card: "4242424242424242" })).status,
  ).toBe(200);
  const draft = await api("POST", "/job-drafts", {
    format: "opentrain_canonical",
    job: {
      title: "Receipt Key-Value Extraction",
      description: "Extract merchant, date and total from scanned receipts into key-value fields.",
      paymentType: "PAY_PER_HOUR",
      rateAmount: 15,
      experienceLevel: "ENTRY_LEVEL",
      dataVolumeUnit: "NUMBER_OF_FILES",
      languages: ["English"],
      visibility: "INVITE_ONLY",
    },
  });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  expect((await api("POST", `/jobs/${draft.body.jobId}/publish`, {})).status).toBe(200);
  const trainers = (await sandbox(t, "GET", "/trainers?limit=50")).body.trainers.filter(
    (x: any) => x.status === "ACTIVE",
  );
  proposalIds = [];
  for (const trainer of trainers.slice(0, 4)) {
    const res = await sandbox(t, "POST", `/trainers/${trainer.id}/proposals`, { jobId: draft.body.jobId });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    proposalIds.push(res.body.proposalId);
  }
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe("the approval page", () => {
  it("hire: the signed-in human edits the milestone, pays with credits and confirms", async () => {
    const approval = await requestHire(proposalIds[0]!, { name: "Pilot", description: "200 receipts", amount: 300 });
    const page = await (await browser.newContext()).newPage();
    // Signed out: sign in first, then back to the approval.
    await page.goto(approval.approvalUrl);
    expect(new URL(page.url()).pathname).toBe("/signin");
    await signIn(page, t.baseUrl, ownerEmail, new URL(approval.approvalUrl).pathname);
    expect(page.url()).toBe(approval.approvalUrl);

    await expect(text(page, "h1")).resolves.toBe("Confirm a hire");
    await expect(text(page, "#approval-status")).resolves.toBe("Waiting for you");
    await expect(text(page, "#job-title")).resolves.toBe("Receipt Key-Value Extraction");
    const detail = await api("GET", `/proposals/${proposalIds[0]}`);
    await expect(text(page, "#trainer-name")).resolves.toContain(detail.body.proposal.candidate.displayName);
    await expect(text(page, "#agent-request")).resolves.toContain("$300.00");
    await expect(text(page, "#fee-escrow")).resolves.toBe("$300.00");
    await expect(text(page, "#fee-marketplace")).resolves.toBe("$30.00");
    await expect(text(page, "#fee-contract")).resolves.toBe("$9.95");
    await expect(text(page, "#total")).resolves.toBe("$339.95");
    await expect(text(page, "#available-credits")).resolves.toBe("$1,000.00");
    expect(await page.locator("#source-credits").isChecked()).toBe(true);
    expect(await page.locator("#source-card").isDisabled()).toBe(true);

    // The human changes the amount and the due date: the totals follow.
    await page.fill("#milestone-amount", "250");
    await page.fill("#milestone-due-date", "2026-08-15");
    await page.click("#recalculate");
    await expect(text(page, "#fee-marketplace")).resolves.toBe("$25.00");
    await expect(text(page, "#total")).resolves.toBe("$284.95");
    await expect(page.locator("#milestone-amount").inputValue()).resolves.toBe("250");
    await expect(text(page, "#confirm")).resolves.toBe("Confirm hire and pay $284.95");

    await page.click("#confirm");
    expect(new URL(page.url()).search).toBe("?notice=confirmed");
    await expect(text(page, "#approval-status")).resolves.toBe("Confirmed");
    await expect(text(page, "#approval-result")).resolves.toContain("$250.00");
    expect(await page.locator("#confirm").count()).toBe(0);

    const read = await api("GET", `/approvals/${approval.id}`);
    expect(read.body.approval).toMatchObject({ status: "confirmed", result: { hired: true } });
    const contract = await api("GET", `/contracts/${read.body.approval.result.contractId}`);
    expect(contract.body.contract.milestones[0]).toMatchObject({
      name: "Pilot",
      amountUsd: 250,
      dueDate: "2026-08-15",
      status: "ACTIVE_FUNDED",
    });
    const credits = await api("GET", "/credits");
    expect(credits.body.credits).toMatchObject({ availableCents: 100_000 - 28_495, reservedCents: 25_000 });
    await page.context().close();
  });

  it("decline: nothing happens and the agent reads declined", async () => {
    const approval = await requestHire(proposalIds[1]!, { name: "Maybe", amount: 80 });
    const page = await (await browser.newContext()).newPage();
    await signIn(page, t.baseUrl, ownerEmail, `/approvals/${approval.id}`);
    await page.click("#decline");
    expect(new URL(page.url()).search).toBe("?notice=declined");
    await expect(text(page, "#approval-status")).resolves.toBe("Declined");
    await expect(text(page, "#approval-result")).resolves.toContain("declined");
    const read = await api("GET", `/approvals/${approval.id}`);
    expect(read.body.approval.status).toBe("declined");
    const proposal = await api("GET", `/proposals/${proposalIds[1]}`);
    expect(proposal.body.proposal.status.raw).not.toBe("HIRED");
    await page.context().close();
  });

  it("failures at confirm time show on the page and leave the request pending", async () => {
    const approval = await requestHire(proposalIds[2]!, { name: "Big", amount: 100 });
    const page = await (await browser.newContext()).newPage();
    await signIn(page, t.baseUrl, ownerEmail, `/approvals/${approval.id}`);

    // An edit confirmed without looking at the new total is shown again, not charged.
    await page.fill("#milestone-amount", "120");
    const stale = page.waitForResponse((r) => r.request().method() === "POST");
    await page.click("#confirm");
    expect((await stale).status()).toBe(409);
    await expect(text(page, ".notice.error")).resolves.toContain("total changed");
    await expect(text(page, "#total")).resolves.toBe("$141.95");

    // More than the credit balance: the ledger refuses, the page says so.
    await page.fill("#milestone-amount", "5000");
    await page.click("#recalculate");
    await expect(text(page, "#credits-short")).resolves.toContain("do not cover");
    await page.check("#source-credits");
    const short = page.waitForResponse((r) => r.request().method() === "POST");
    await page.click("#confirm");
    expect((await short).status()).toBe(409);
    await expect(text(page, ".notice.error")).resolves.toContain("does not cover");

    // A saved card that is declined at charge time: 402 on the page, still pending.
    const saved = await sandbox(t, "POST", `/accounts/${accountId}/payment-methods`, { card: "4000000000000341" });
    expect(saved.status).toBeLessThan(300);
    await page.goto(`${t.baseUrl}/approvals/${approval.id}`);
    await page.check("#source-card");
    const declined = page.waitForResponse((r) => r.request().method() === "POST");
    await page.click("#confirm");
    expect((await declined).status()).toBe(402);
    await expect(page.locator(".notice.error").count()).resolves.toBe(1);
    await expect(text(page, "#approval-status")).resolves.toBe("Waiting for you");
    expect((await api("GET", `/approvals/${approval.id}`)).body.approval.status).toBe("pending");
    await page.context().close();
  });

  it("is not shown to a human of another account (404), and is CSP-locked", async () => {
    const approval = await requestHire(proposalIds[3]!, { name: "Private", amount: 20 });
    const stranger = await claimedAgent(t, { organization_name: "Elsewhere" });
    const page = await (await browser.newContext()).newPage();
    await signIn(page, t.baseUrl, stranger.email, "/");
    const res = await page.goto(`${t.baseUrl}/approvals/${approval.id}`);
    expect(res?.status()).toBe(404);
    expect(res?.headers()["content-security-policy"]).toContain("script-src 'none'");
    expect(await page.locator("#confirm").count()).toBe(0);
    // A POST without the page's CSRF token is refused before anything runs.
    const forged = await http(t.baseUrl, "POST", `/approvals/${approval.id}`, {
      form: { action: "confirm", paymentSource: "credits" },
    });
    expect(forged.status).toBe(403);
    expect((await api("GET", `/approvals/${approval.id}`)).body.approval.status).toBe("pending");
    await page.context().close();
  });
});
