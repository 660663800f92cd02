import { claimedAgent, http, startTestServer, uniqueEmail, type TestServer } from "@opentrain-ai/testkit";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { followSignInEmail, launchBrowser, signIn } from "./browser.js";

let t: TestServer;
let browser: Browser;

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe("team pages", () => {
  it("an invitee invited over the API signs in through the mailbox and joins as MEMBER", async () => {
    const agent = await claimedAgent(t, { organization_name: "Team Rocket" });
    const invitee = uniqueEmail("invitee");
    const invited = await http(t.baseUrl, "POST", "/api/public/v1/team/invites", {
      token: agent.token,
      json: { email: invitee },
    });
    expect(invited.status).toBeLessThan(300);
    expect(invited.body.status).toBe("invite_created");

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/mailbox?to=${encodeURIComponent(invitee)}`);
    await page.locator("a.email-link", { hasText: "Join Team Rocket" }).click();
    await page.locator("#action-link").click();
    const inviteUrl = page.url();
    expect(new URL(inviteUrl).pathname).toBe("/team/invites/accept");
    await expect(page.locator("#team-name").textContent()).resolves.toBe("Team Rocket");
    await expect(page.locator("#email").inputValue()).resolves.toBe(invitee);
    expect(await page.locator("#accept-invite").count()).toBe(0);

    await page.click("form[action='/signin'] button[type=submit]");
    await followSignInEmail(page, t.baseUrl, invitee);
    expect(page.url()).toBe(inviteUrl);
    await page.click("#accept-invite");
    expect(new URL(page.url()).pathname).toBe("/team");
    await expect(page.locator(".notice.ok").textContent()).resolves.toContain("Welcome to the team");
    await expect(page.locator("#members").textContent()).resolves.toContain(invitee);

    const team = await http(t.baseUrl, "GET", "/api/public/v1/team", { token: agent.token });
    expect(team.status).toBe(200);
    const member = team.body.team.members.find((m: { email: string }) => m.email === invitee);
    expect(member?.role).toBe("MEMBER");
    expect(team.body.team.invites.map((i: { email: string }) => i.email)).not.toContain(invitee);

    // The link is spent.
    const again = await page.goto(inviteUrl);
    expect(again?.status()).toBe(410);
    await context.close();
  });

  it("the owner sees the team and invites from the page; the wrong person cannot accept", async () => {
    const agent = await claimedAgent(t, { organization_name: "Owners Club" });
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, t.baseUrl, agent.email, "/team");
    expect(new URL(page.url()).pathname).toBe("/team");
    await expect(page.locator("h1").textContent()).resolves.toBe("Owners Club");
    await expect(page.locator("#members").textContent()).resolves.toContain("OWNER");

    const invitee = uniqueEmail("pending");
    await page.fill("#invite-email", invitee);
    await page.click("#invite-form button[type=submit]");
    await expect(page.locator(".notice.ok").textContent()).resolves.toContain("Invitation sent");
    await expect(page.locator("#invites").textContent()).resolves.toContain(invitee);

    // Invalid email: the page explains.
    await page.fill("#invite-email", "not-an-email");
    await page.locator("#invite-email").evaluate((el) => el.setAttribute("type", "text"));
    await page.click("#invite-form button[type=submit]");
    await expect(page.locator(".notice.error").textContent()).resolves.toContain("is not a valid email address");

    // The owner (a different email) opens the invitation link: refused, with a way to switch.
    await page.goto(`${t.baseUrl}/mailbox?to=${encodeURIComponent(invitee)}`);
    await page.locator("a.email-link", { hasText: "Join Owners Club" }).click();
    await page.locator("#action-link").click();
    await expect(page.locator("main").innerText()).resolves.toContain(`Only ${invitee} can accept`);
    expect(await page.locator("#accept-invite").count()).toBe(0);
    await context.close();
  });
});
