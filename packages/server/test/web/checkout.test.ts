import {
  claimedAgent,
  http,
  mintToken,
  startTestServer,
  type ClaimedAgent,
  type TestServer,
} from "@opentrain-ai/testkit";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signIn } from "./browser.js";

let t: TestServer;
let browser: Browser;

beforeAll(async () => {
  [t, browser] = await Promise.all([
    startTestServer({ env: { OPENTRAIN_SANDBOX_TICK_SECONDS: "0" } }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const api = (method: string, path: string, token: string, json?: unknown) =>
  http(t.baseUrl, method, `/api/public/v1${path}`, { token, json });

async function moneyToken(agent: ClaimedAgent): Promise<string> {
  return mintToken(t, agent.accountId, ["payments:read", "payments:write"], "checkout test");
}

async function fillCard(page: Page, number: string, expiry = "12/34", cvc = "123"): Promise<void> {
  await page.fill("#card-number", number);
  await page.fill("#card-expiry", expiry);
  await page.fill("#card-cvc", cvc);
}

describe("sandbox checkout page", () => {
  it("a declined card shows the error and leaves the top-up pending; the good card pays it once", async () => {
    const agent = await claimedAgent(t, { organization_name: "Checkout Co" });
    const token = await moneyToken(agent);
    const created = await api("POST", "/credits/top-ups", token, { amountUsd: 150 });
    expect(created.status).toBe(201);
    const { checkoutUrl, topUpId } = created.body;

    const context = await browser.newContext();
    const page = await context.newPage();
    // Signed out, the checkout link goes through sign-in and comes back.
    await page.goto(checkoutUrl);
    expect(new URL(page.url()).pathname).toBe("/signin");
    await signIn(page, t.baseUrl, agent.email, new URL(checkoutUrl).pathname);
    expect(page.url()).toBe(checkoutUrl);
    await expect(page.locator("#checkout-amount").textContent()).resolves.toBe("$150.00");
    await expect(page.locator("#checkout-status").textContent()).resolves.toBe("PENDING");
    await expect(page.locator("#test-cards").textContent()).resolves.toContain("4242 4242 4242 4242");

    // A stale second tab, opened before paying.
    const stale = await context.newPage();
    await stale.goto(checkoutUrl);

    await fillCard(page, "4000 0000 0000 0002");
    const declined = page.waitForResponse((r) => r.request().method() === "POST");
    await page.click("#pay");
    expect((await declined).status()).toBe(402);
    await expect(page.locator(".notice.error").textContent()).resolves.toContain("declined");
    await expect(page.locator("#checkout-status").textContent()).resolves.toBe("PENDING");
    await expect(page.locator("#card-number").inputValue()).resolves.toBe("4000 0000 0000 0002");
    await expect(page.locator("#card-cvc").inputValue()).resolves.toBe("");
    expect((await api("GET", `/credits/top-ups/${topUpId}`, token)).body.topUp.status).toBe("PENDING");
    expect((await api("GET", "/credits", token)).body.credits.availableCents).toBe(0);

    // An expired expiry date is explained, nothing is charged.
    await fillCard(page, "4242 4242 4242 4242", "01/20");
    await page.click("#pay");
    await expect(page.locator(".notice.error").textContent()).resolves.toContain("expired");

    await fillCard(page, "4242 4242 4242 4242");
    await page.click("#pay");
    await page.locator(".notice.ok").waitFor();
    expect(new URL(page.url()).search).toBe("?paid=1");
    await expect(page.locator(".notice.ok").textContent()).resolves.toContain("$150.00 was added to your credits");
    await expect(page.locator("#checkout-status").textContent()).resolves.toBe("COMPLETED");
    expect(await page.locator("#checkout-form").count()).toBe(0);

    // The stale tab pays again: nothing more is charged.
    await fillCard(stale, "4242 4242 4242 4242");
    await stale.click("#pay");
    await stale.locator(".notice.ok").waitFor();
    await expect(stale.locator(".notice.ok").textContent()).resolves.toContain("This top-up is paid.");

    const top = await api("GET", `/credits/top-ups/${topUpId}`, token);
    expect(top.body.topUp.status).toBe("COMPLETED");
    const credits = (await api("GET", "/credits", token)).body.credits;
    expect(credits.availableCents).toBe(15_000);
    expect(credits.recentEntries.map((e: { type: string; topUpId: string }) => [e.type, e.topUpId])).toEqual([
      ["TOP_UP", topUpId],
    ]);

    // The billing page shows the new balance and the entry.
    await page.click("text=See your credit balance");
    expect(new URL(page.url()).pathname).toBe("/billing");
    await expect(page.locator("#available").textContent()).resolves.toBe("$150.00");
    await expect(page.locator("#ledger").textContent()).resolves.toContain("TOP_UP");
    await context.close();
  });

  it("is not found for someone outside the account, and says so once the link expired", async () => {
    const agent = await claimedAgent(t);
    const token = await moneyToken(agent);
    const { checkoutUrl } = (await api("POST", "/credits/top-ups", token, { amountUsd: 20 })).body;
    const outsider = await claimedAgent(t);
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, t.baseUrl, outsider.email, "/");
    const res = await page.goto(checkoutUrl);
    expect(res?.status()).toBe(404);
    await context.close();

    const ownerContext = await browser.newContext();
    const ownerPage = await ownerContext.newPage();
    await signIn(ownerPage, t.baseUrl, agent.email, "/");
    const adv = await http(t.baseUrl, "POST", "/api/sandbox/v1/clock/advance", {
      token: t.sandboxSecret,
      json: { duration: "25h" },
    });
    expect(adv.status).toBe(200);
    const expired = await ownerPage.goto(checkoutUrl);
    expect(expired?.status()).toBe(410);
    await expect(ownerPage.locator(".notice.warn").textContent()).resolves.toContain("expired");
    expect(await ownerPage.locator("#checkout-form").count()).toBe(0);
    await ownerContext.close();
  });
});

describe("billing page", () => {
  it("the owner adds a card (declined one refused) and comes back to where they were sent from", async () => {
    const agent = await claimedAgent(t, { organization_name: "Billing Co" });
    const context = await browser.newContext();
    const page = await context.newPage();
    const next = "/settings/api-keys";
    await signIn(page, t.baseUrl, agent.email, `/billing?account=${agent.accountId}&next=${encodeURIComponent(next)}`);
    expect(new URL(page.url()).pathname).toBe("/billing");
    await expect(page.locator("#no-cards").count()).resolves.toBe(1);
    await expect(page.locator("#available").textContent()).resolves.toBe("$0.00");

    await fillCard(page, "4000 0000 0000 0002");
    await page.click("#save-card");
    await expect(page.locator(".notice.error").textContent()).resolves.toContain("declined");
    await expect(page.locator("#no-cards").count()).resolves.toBe(1);

    await fillCard(page, "4242 4242 4242 4242");
    await page.click("#save-card");
    await expect(page.locator(".notice.ok").textContent()).resolves.toContain("Card saved");
    await expect(page.locator("#cards").textContent()).resolves.toContain("VISA ending in 4242");
    await expect(page.locator("#continue").getAttribute("href")).resolves.toBe(next);
    await expect(page.locator("#card-number").inputValue()).resolves.toBe("");
    await context.close();
  });

  it("buying credits from the billing page goes through checkout and back to where the human came from", async () => {
    const agent = await claimedAgent(t);
    const context = await browser.newContext();
    const page = await context.newPage();
    const next = "/team";
    await signIn(page, t.baseUrl, agent.email, `/billing?account=${agent.accountId}&next=${encodeURIComponent(next)}`);
    await page.fill("#top-up-amount", "5");
    await page.locator("#top-up-amount").evaluate((el) => el.removeAttribute("min"));
    await page.click("#buy-credits");
    await expect(page.locator(".notice.error").textContent()).resolves.toContain("between $10 and $10,000");

    await page.fill("#top-up-amount", "30.50");
    await page.click("#buy-credits");
    expect(new URL(page.url()).pathname).toMatch(/^\/checkout\/tu_/);
    await expect(page.locator("#checkout-amount").textContent()).resolves.toBe("$30.50");
    await fillCard(page, "4242 4242 4242 4242");
    await page.click("#pay");
    await page.locator(".notice.ok").waitFor();
    await expect(page.locator("#continue").getAttribute("href")).resolves.toBe(next);
    await page.click("text=See your credit balance");
    await expect(page.locator("#available").textContent()).resolves.toBe("$30.50");
    await context.close();
  });

  it("a team member sees the balance but cannot add a card", async () => {
    const owner = await claimedAgent(t, { organization_name: "Members Co" });
    const member = await claimedAgent(t);
    const added = await api("POST", "/team/invites", owner.token, { email: member.email });
    expect(added.body.status).toBe("member_added");
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, t.baseUrl, member.email, `/billing?account=${owner.accountId}`);
    await expect(page.locator("h1").textContent()).resolves.toBe("Billing");
    await expect(page.locator("body").textContent()).resolves.toContain("Only the account owner can add a card.");
    expect(await page.locator("#add-card-form").count()).toBe(0);
    await context.close();
  });
});
