import { claimedAgent, http, startTestServer, uniqueEmail, type TestServer } from "@opentrain-ai/testkit";
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

function expectSecurityHeaders(headers: Headers, what: string) {
  const csp = headers.get("content-security-policy") ?? "";
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("form-action 'self'");
  expect(csp, what).not.toContain("unsafe-inline");
  expect(headers.get("x-frame-options"), what).toBe("DENY");
  expect(headers.get("x-content-type-options"), what).toBe("nosniff");
  expect(headers.get("referrer-policy"), what).toBe("no-referrer");
}

/** The `name=value` pairs of a response's Set-Cookie headers. */
function cookiesOf(res: Response): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const i = pair!.indexOf("=");
    out.set(pair!.slice(0, i), pair!.slice(i + 1));
  }
  return out;
}

function hiddenCsrf(page: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(page);
  if (!m) throw new Error("no CSRF field");
  return m[1]!;
}

describe("web security", () => {
  it("sends the security headers on pages, redirects, errors and assets", async () => {
    const paths = [
      "/",
      "/signin",
      "/mailbox",
      "/claim?token=ot_cat_nope",
      "/settings/api-keys",
      "/team",
      "/trainer-console",
      "/assets/app.css",
    ];
    for (const path of paths) {
      const res = await fetch(t.baseUrl + path, { redirect: "manual" });
      // Read every body: a large page left unread holds its response open, and closing the
      // server then waits for it.
      await res.arrayBuffer();
      expectSecurityHeaders(res.headers, path);
      if (path !== "/assets/app.css") expect(res.headers.get("cache-control"), path).toBe("no-store");
    }
    const post = await fetch(`${t.baseUrl}/signin`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email=x@example.org",
    });
    expect(post.status).toBe(403);
    expectSecurityHeaders(post.headers, "POST /signin 403");
  });

  it("refuses POSTs without or with a wrong CSRF token, and changes nothing", async () => {
    // Signed out, no cookie at all: no sign-in email is sent.
    const victim = uniqueEmail("csrf");
    const noCookie = await fetch(`${t.baseUrl}/signin`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: victim, _csrf: "made-up" }).toString(),
    });
    expect(noCookie.status).toBe(403);
    expect(await noCookie.text()).toContain("Request refused");

    // A real cookie with a token that does not match it.
    const form = await fetch(`${t.baseUrl}/signin`);
    const cookie = cookiesOf(form).get("ot_csrf")!;
    const good = hiddenCsrf(await form.text());
    const wrong = await fetch(`${t.baseUrl}/signin`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: `ot_csrf=${cookie}` },
      body: new URLSearchParams({ email: victim, _csrf: good.slice(0, -2) + "xx" }).toString(),
    });
    expect(wrong.status).toBe(403);
    // The right token without its cookie.
    const noJar = await fetch(`${t.baseUrl}/signin`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: victim, _csrf: good }).toString(),
    });
    expect(noJar.status).toBe(403);
    const mailbox = await (await fetch(`${t.baseUrl}/mailbox?to=${encodeURIComponent(victim)}`)).text();
    expect(mailbox).toContain("No emails");
    // Cookie and token together work.
    const ok = await fetch(`${t.baseUrl}/signin`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: `ot_csrf=${cookie}` },
      body: new URLSearchParams({ email: victim, _csrf: good }).toString(),
    });
    expect(ok.status).toBe(200);

    // Signed in: minting a token and signing out both need the token.
    const agent = await claimedAgent(t);
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, t.baseUrl, agent.email, "/settings/api-keys");
    const csrf = await csrfOf(page);
    const attempts = [
      { account: agent.accountId, name: "forged", scopes: "payments:write" },
      { account: agent.accountId, name: "forged", scopes: "payments:write", _csrf: "wrong" },
      { account: agent.accountId, name: "forged", scopes: "payments:write", _csrf: csrf + "x" },
    ];
    for (const f of attempts) {
      const res = await page.request.post(`${t.baseUrl}/settings/api-keys`, { form: f });
      expect(res.status()).toBe(403);
      expect(await res.text()).not.toContain("ot_pat_");
    }
    const tokens = await http(t.baseUrl, "GET", "/api/public/v1/tokens", { token: agent.token });
    expect(tokens.body.tokens.map((x: { name: string }) => x.name)).not.toContain("forged");

    const signOut = await page.request.post(`${t.baseUrl}/signout`, { form: { _csrf: "wrong" } });
    expect(signOut.status()).toBe(403);
    await page.goto(`${t.baseUrl}/`);
    await expect(page.locator("main").innerText()).resolves.toContain(`Signed in as ${agent.email}`);

    // A token from another browser (its own cookie) does not work with this browser's cookie.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto(`${t.baseUrl}/signin`);
    const foreign = await csrfOf(otherPage);
    const cross = await page.request.post(`${t.baseUrl}/signout`, { form: { _csrf: foreign } });
    expect(cross.status()).toBe(403);
    await other.close();
    await context.close();
  });

  it("sets the session cookie HttpOnly, SameSite=Lax, Path=/; starts a new session at sign-in; sign-out revokes it", async () => {
    const context = await browser.newContext();
    // A session id planted before sign-in is never promoted.
    await context.addCookies([{ name: "ot_session", value: "ot_ses_planted", url: t.baseUrl }]);
    const page = await context.newPage();
    const email = uniqueEmail("cookie");
    await signIn(page, t.baseUrl, email);
    const cookies = await context.cookies(t.baseUrl);
    const session = cookies.find((c) => c.name === "ot_session")!;
    expect(session.value).toMatch(/^ot_ses_/);
    expect(session.value).not.toBe("ot_ses_planted");
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe("Lax");
    expect(session.path).toBe("/");
    expect(session.secure).toBe(false);
    const csrf = cookies.find((c) => c.name === "ot_csrf")!;
    expect(csrf.httpOnly).toBe(true);
    expect(csrf.sameSite).toBe("Strict");

    // Signing in again (same browser) replaces the session and ends the old one.
    await signIn(page, t.baseUrl, email);
    const second = (await context.cookies(t.baseUrl)).find((c) => c.name === "ot_session")!;
    expect(second.value).not.toBe(session.value);
    const oldHome = await fetch(`${t.baseUrl}/`, { headers: { cookie: `ot_session=${session.value}` } });
    expect(await oldHome.text()).not.toContain(email);

    await page.goto(`${t.baseUrl}/`);
    await page.click("main form[action='/signout'] button");
    await expect(page.locator("main").innerText()).resolves.toContain("Sign in");
    expect((await context.cookies(t.baseUrl)).find((c) => c.name === "ot_session")).toBeUndefined();
    // The revoked session secret no longer signs anyone in.
    const replay = await fetch(`${t.baseUrl}/`, { headers: { cookie: `ot_session=${second.value}` } });
    expect(await replay.text()).not.toContain(email);
    await context.close();
  });

  it("does not follow a next that leaves the site", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const next of ["//evil.example", "/\t/evil.example", "https://evil.example/", "/\\evil.example"]) {
      await page.goto(`${t.baseUrl}/signin?next=${encodeURIComponent(next)}`);
      expect(await page.locator("input[name=next]").getAttribute("value"), next).toBe("/");
    }
    // Even when the form is bypassed, the link lands on our own origin.
    await page.goto(`${t.baseUrl}/signin`);
    const csrf = await csrfOf(page);
    const email = uniqueEmail("nexter");
    const res = await page.request.post(`${t.baseUrl}/signin`, {
      form: { _csrf: csrf, email, next: "//evil.example" },
    });
    expect(res.status()).toBe(200);
    await followSignInEmail(page, t.baseUrl, email);
    expect(page.url()).toBe(`${t.baseUrl}/`);
    await context.close();
  });

  it("escapes everything it renders", async () => {
    const res = await fetch(`${t.baseUrl}/signin?email=${encodeURIComponent('"><script>alert(1)</script>')}`);
    const text = await res.text();
    expect(text).not.toContain("<script>");
    expect(text).toContain("&quot;&gt;&lt;script&gt;");
  });
});

describe("production mode", () => {
  it("does not serve the mailbox or the trainer console", async () => {
    const prod = await startTestServer({ mode: "production" });
    try {
      const list = await fetch(`${prod.baseUrl}/mailbox`);
      expect(list.status).toBe(404);
      expectSecurityHeaders(list.headers, "/mailbox");
      expect((await fetch(`${prod.baseUrl}/mailbox/eml_anything`)).status).toBe(404);
      for (const path of ["/trainer-console", "/trainer-console/ftr_anything", "/trainer-console/ftr_anything/jobs"]) {
        const res = await fetch(`${prod.baseUrl}${path}`);
        await res.arrayBuffer();
        expect(res.status, path).toBe(404);
        expectSecurityHeaders(res.headers, path);
      }
      // The sign-in page does not point at a mailbox either.
      const form = await fetch(`${prod.baseUrl}/signin`);
      const cookie = cookiesOf(form).get("ot_csrf")!;
      const sent = await fetch(`${prod.baseUrl}/signin`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: `ot_csrf=${cookie}` },
        body: new URLSearchParams({ email: uniqueEmail("prod"), _csrf: hiddenCsrf(await form.text()) }).toString(),
      });
      expect(sent.status).toBe(200);
      expect(await sent.text()).not.toContain("/mailbox");
    } finally {
      await prod.close();
    }
  });

  it("marks cookies Secure when the public URL is https", async () => {
    const secure = await startTestServer({ env: { OPENTRAIN_PUBLIC_URL: "https://opentrain.test" } });
    const origin = secure.server.address.replace("[::1]", "127.0.0.1");
    try {
      const form = await fetch(`${origin}/signin`);
      expect(form.headers.getSetCookie().join("\n")).toMatch(/ot_csrf=[^;]+;.*Secure/);
      const cookie = cookiesOf(form).get("ot_csrf")!;
      const email = uniqueEmail("secure");
      const sent = await fetch(`${origin}/signin`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: `ot_csrf=${cookie}` },
        body: new URLSearchParams({ email, _csrf: hiddenCsrf(await form.text()) }).toString(),
      });
      expect(sent.status).toBe(200);
      const box = await (await fetch(`${origin}/mailbox?to=${encodeURIComponent(email)}`)).text();
      const emailPath = /href="(\/mailbox\/[^"]+)"/.exec(box)![1]!;
      const detail = await (await fetch(origin + emailPath)).text();
      const link = new URL(/id="action-link"[^>]*href="([^"]+)"/.exec(detail)![1]!.replace(/&amp;/g, "&"));
      expect(link.origin).toBe("https://opentrain.test");
      const verify = await fetch(`${origin}${link.pathname}${link.search}`, { redirect: "manual" });
      expect(verify.status).toBe(303);
      const setCookie = verify.headers.getSetCookie().find((c) => c.startsWith("ot_session="))!;
      expect(setCookie).toMatch(/ot_session=ot_ses_/);
      expect(setCookie).toContain("Secure");
      expect(setCookie).toContain("HttpOnly");
      expect(setCookie).toContain("SameSite=Lax");
      expect(setCookie).toContain("Path=/");
    } finally {
      await secure.close();
    }
  });
});
