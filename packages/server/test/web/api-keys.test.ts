import { claimedAgent, http, startTestServer, uniqueEmail, type TestServer } from "@opentrain-ai/testkit";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csrfOf, launchBrowser, signIn } from "./browser.js";

let t: TestServer;
let browser: Browser;

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe("Settings → API keys", () => {
  it("mints a token with payments:write and webhooks:manage, shows it once, and revokes it", async () => {
    const agent = await claimedAgent(t, { organization_name: "Keys Inc" });
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, t.baseUrl, agent.email, "/settings/api-keys");
    expect(new URL(page.url()).pathname).toBe("/settings/api-keys");
    await expect(page.locator("main").innerText()).resolves.toContain("Keys Inc");

    // Every scope is offered, including the two the agent flow never grants.
    const offered = await page
      .locator("input[name=scopes]")
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(offered).toEqual(expect.arrayContaining(["payments:write", "webhooks:manage", "team:write"]));
    expect(offered).toHaveLength(11);

    await page.fill("#token-name", "Billing bot");
    await page.check("input[name=scopes][value='jobs:read']");
    await page.check("input[name=scopes][value='payments:write']");
    await page.check("input[name=scopes][value='webhooks:manage']");
    await page.fill("#expiry-days", "30");
    await page.click("#mint-form button[type=submit]");

    const secret = (await page.locator("#new-token").textContent())!.trim();
    expect(secret).toMatch(/^ot_pat_/);
    await expect(page.locator("#new-token-card").textContent()).resolves.toContain("shown only once");

    const me = await http(t.baseUrl, "GET", "/api/public/v1/auth/me", { token: secret });
    expect(me.status).toBe(200);
    expect(me.body.token.scopes).toEqual(expect.arrayContaining(["payments:write", "webhooks:manage", "jobs:read"]));
    expect(me.body.account.id).toBe(agent.accountId);

    // Listed, never shown again.
    await page.goto(`${t.baseUrl}/settings/api-keys?account=${agent.accountId}`);
    expect(await page.locator("#new-token").count()).toBe(0);
    expect(await page.content()).not.toContain(secret);
    const row = page.locator("#tokens tr", { hasText: "Billing bot" });
    await expect(row.locator(".token-status").textContent()).resolves.toBe("active");
    await expect(row.textContent()).resolves.toContain("payments:write");
    // The agent's post-claim token is listed too.
    expect(await page.locator("#tokens tbody tr").count()).toBeGreaterThanOrEqual(2);

    await row.locator("button", { hasText: "Revoke" }).click();
    await expect(page.locator(".notice.ok").textContent()).resolves.toContain("revoked");
    await expect(
      page.locator("#tokens tr", { hasText: "Billing bot" }).locator(".token-status").textContent(),
    ).resolves.toBe("revoked");

    const after = await http(t.baseUrl, "GET", "/api/public/v1/auth/me", { token: secret });
    expect(after.status).toBe(401);
    // The agent's own token still works.
    expect((await http(t.baseUrl, "GET", "/api/public/v1/auth/me", { token: agent.token })).status).toBe(200);
    await context.close();
  });

  it("shows form errors on the page and mints nothing", async () => {
    const agent = await claimedAgent(t);
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, t.baseUrl, agent.email, "/settings/api-keys");
    const before = await page.locator("#tokens tbody tr").count();
    await page.fill("#token-name", "No scopes");
    const res = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.click("#mint-form button[type=submit]"),
    ]);
    expect(res[0].status()).toBe(400);
    await expect(page.locator(".notice.error").textContent()).resolves.toContain("Choose at least one scope");
    await expect(page.locator("#token-name").inputValue()).resolves.toBe("No scopes");
    expect(await page.locator("#tokens tbody tr").count()).toBe(before);
    await context.close();
  });

  it("gives a new human their own workspace and 404s on another account's id", async () => {
    const stranger = await claimedAgent(t);
    const context = await browser.newContext();
    const page = await context.newPage();
    const email = uniqueEmail("newcomer");
    await signIn(page, t.baseUrl, email, "/settings/api-keys");
    await expect(page.locator("main").innerText()).resolves.toContain("organization");
    await expect(page.locator("main").innerText()).resolves.toContain("No tokens yet.");

    const other = await page.goto(`${t.baseUrl}/settings/api-keys?account=${stranger.accountId}`);
    expect(other?.status()).toBe(404);
    const team = await page.goto(`${t.baseUrl}/team?account=${stranger.accountId}`);
    expect(team?.status()).toBe(404);

    // Posting against the other account is refused too, with a valid CSRF token.
    await page.goto(`${t.baseUrl}/settings/api-keys`);
    const csrf = await csrfOf(page);
    const mint = await page.request.post(`${t.baseUrl}/settings/api-keys`, {
      form: { _csrf: csrf, account: stranger.accountId, name: "sneaky", scopes: "jobs:read" },
    });
    expect(mint.status()).toBe(404);
    const list = await http(t.baseUrl, "GET", "/api/public/v1/tokens", { token: stranger.token });
    expect(list.body.tokens.map((x: { name: string }) => x.name)).not.toContain("sneaky");

    const tokens = await http(t.baseUrl, "GET", "/api/public/v1/tokens", { token: stranger.token });
    const strangersToken = tokens.body.tokens[0].id as string;
    const revoke = await page.request.post(`${t.baseUrl}/settings/api-keys/${strangersToken}/revoke`, {
      form: { _csrf: csrf, account: stranger.accountId },
    });
    expect(revoke.status()).toBe(404);
    expect((await http(t.baseUrl, "GET", "/api/public/v1/auth/me", { token: stranger.token })).status).toBe(200);
    await context.close();
  });

  it("sends a signed-out visitor to sign in first", async () => {
    const res = await fetch(`${t.baseUrl}/settings/api-keys?account=acc_x`, { redirect: "manual" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/signin?next=${encodeURIComponent("/settings/api-keys?account=acc_x")}`);
  });
});
