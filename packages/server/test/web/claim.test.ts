import { CLAIM_GRANT_TYPE } from "@opentrain-ai/contract";
import { http, registerAgent, startTestServer, uniqueEmail, type TestServer } from "@opentrain-ai/testkit";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csrfOf, followSignInEmail, launchBrowser, signIn } from "./browser.js";

let t: TestServer;
let browser: Browser;

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function startClaim(agentBody: Record<string, unknown>, email: string) {
  const agent = await registerAgent(t, agentBody);
  const start = await http(t.baseUrl, "POST", "/api/agent/identity/claim", {
    json: { claim_token: agent.claimToken, email },
  });
  expect(start.status).toBe(200);
  return { agent, userCode: start.body.user_code as string, uri: start.body.verification_uri as string };
}

function poll(claimToken: string) {
  return http(t.baseUrl, "POST", "/api/agent/oauth/token", {
    form: { grant_type: CLAIM_GRANT_TYPE, claim_token: claimToken },
  });
}

function wrongCode(code: string): string {
  return code === "000000" ? "111111" : "000000";
}

describe("claim page", () => {
  it("walks the whole ceremony in a browser: sign in, wrong code, right code, token poll succeeds", async () => {
    const email = uniqueEmail("owner");
    const { agent, userCode, uri } = await startClaim(
      { agent_name: "Hiring Bot <b>", organization_name: "Acme Labs" },
      email,
    );
    expect(uri.startsWith(`${t.baseUrl}/claim?token=ot_cat_`)).toBe(true);
    expect((await poll(agent.claimToken)).body.error).toBe("authorization_pending");

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(uri);
    // Signed out: the agent, the claim email and a sign-in form prefilled with it.
    await expect(page.locator("#agent-name").textContent()).resolves.toBe("Hiring Bot <b>");
    expect(await page.content()).not.toContain("<b>");
    await expect(page.locator("#claim-email").textContent()).resolves.toBe(email);
    await expect(page.locator("#email").inputValue()).resolves.toBe(email);
    expect(await page.locator("input[name=next]").getAttribute("value")).toBe(
      new URL(uri).pathname + new URL(uri).search,
    );
    expect(await page.locator("#userCode").count()).toBe(0);

    await page.click("form[action='/signin'] button[type=submit]");
    await expect(page.locator("h1").textContent()).resolves.toBe("Check your email");
    expect(await page.locator("#mailbox-link").getAttribute("href")).toBe(`/mailbox?to=${encodeURIComponent(email)}`);
    await followSignInEmail(page, t.baseUrl, email);

    // Back on the claim page, signed in with the claim email: the code form.
    expect(page.url()).toBe(uri);
    const code = page.locator("#userCode");
    await expect(code.getAttribute("inputmode")).resolves.toBe("numeric");
    await expect(code.getAttribute("name")).resolves.toBe("userCode");
    await page.screenshot({ path: "/tmp/opentrain-claim-page.png", fullPage: true });

    await code.fill(wrongCode(userCode));
    await page.click("#accept");
    await expect(page.locator(".notice.error").textContent()).resolves.toContain(
      "That code is not right. 4 tries left.",
    );
    expect(await page.locator("#userCode").count()).toBe(1);
    expect((await poll(agent.claimToken)).body.error).toBe("authorization_pending");

    await page.fill("#userCode", userCode);
    await page.click("#accept");
    await expect(page.locator("#claim-success").textContent()).resolves.toContain(
      "You now own Acme Labs. The agent will pick up its new token automatically.",
    );
    expect(await page.locator("#api-keys-link").getAttribute("href")).toBe(
      `/settings/api-keys?account=${agent.accountId}`,
    );

    const tok = await poll(agent.claimToken);
    expect(tok.status).toBe(200);
    expect(tok.body.scopes).toContain("team:write");
    const me = await http(t.baseUrl, "GET", "/api/public/v1/auth/me", { token: tok.body.access_token });
    expect(me.status).toBe(200);
    expect(me.body.account.claimed).toBe(true);

    // The link is spent now: the page says so.
    const again = await page.goto(uri);
    expect(again?.status()).toBe(410);
    await expect(page.locator("main").innerText()).resolves.toContain("already been accepted");
    await context.close();
  });

  it("lets the human decline; the agent's poll then answers access_denied", async () => {
    const email = uniqueEmail("decliner");
    const { agent, uri } = await startClaim({}, email);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(uri);
    await expect(page.locator("#agent-name").textContent()).resolves.toBe("An AI agent");
    await page.click("form[action='/signin'] button[type=submit]");
    await followSignInEmail(page, t.baseUrl, email);
    expect(page.url()).toBe(uri);
    await page.click("#decline");
    await expect(page.locator("h1").textContent()).resolves.toBe("Claim declined");
    const res = await poll(agent.claimToken);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe("access_denied");
    await context.close();
  });

  it("refuses a human signed in with another email, in the page and on a direct POST", async () => {
    const claimEmail = uniqueEmail("rightful");
    const { agent, userCode, uri } = await startClaim({ agent_name: "Scout" }, claimEmail);
    const context = await browser.newContext();
    const page = await context.newPage();
    const other = uniqueEmail("intruder");
    await signIn(page, t.baseUrl, other);
    await page.goto(uri);
    const text = await page.locator("main").innerText();
    expect(text).toContain(`You are signed in as ${other}`);
    expect(text).toContain(`can only be accepted by`);
    expect(await page.locator("#userCode").count()).toBe(0);
    // The sign-out button comes back to this claim page.
    expect(await page.locator("#switch-account input[name=next]").getAttribute("value")).toBe(
      new URL(uri).pathname + new URL(uri).search,
    );

    // Even with a valid CSRF token and the right code, the server refuses the wrong human.
    const res = await page.request.post(`${t.baseUrl}/claim`, {
      form: { _csrf: await csrfOf(page), token: new URL(uri).searchParams.get("token")!, userCode },
    });
    expect(res.status()).toBe(403);
    expect(await res.text()).toContain(`This claim was sent to ${claimEmail}`);
    expect((await poll(agent.claimToken)).body.error).toBe("authorization_pending");

    // Signing out from there returns to the claim page, signed out, with the sign-in form.
    await page.click("#switch-account button[type=submit]");
    expect(page.url()).toBe(uri);
    await expect(page.locator("#email").inputValue()).resolves.toBe(claimEmail);
    await context.close();
  });

  it("shows a friendly 404 for an unknown claim link", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const res = await page.goto(`${t.baseUrl}/claim?token=ot_cat_doesnotexist`);
    expect(res?.status()).toBe(404);
    await expect(page.locator("main").innerText()).resolves.toContain("This claim link is not valid");
    const bare = await page.goto(`${t.baseUrl}/claim`);
    expect(bare?.status()).toBe(404);
    await context.close();
  });

  it("says why a superseded claim link can no longer be used", async () => {
    const email = uniqueEmail("restart");
    const { agent, uri } = await startClaim({}, email);
    const restart = await http(t.baseUrl, "POST", "/api/agent/identity/claim", {
      json: { claim_token: agent.claimToken, email },
    });
    expect(restart.status).toBe(200);
    const res = await fetch(uri);
    expect(res.status).toBe(410);
    expect(await res.text()).toContain("The agent started a newer claim");
  });
});
