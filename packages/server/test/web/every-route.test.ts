import { claimedAgent, startTestServer, type TestServer } from "@opentrain-ai/testkit";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signIn } from "./browser.js";

/**
 * Generated from the server's own route table, so a form or page added later is covered:
 * every web POST refuses a missing or wrong CSRF token (signed out and signed in), and every
 * web page, redirect and error carries the security headers.
 */
let t: TestServer;
let browser: Browser;
let signedIn: BrowserContext;

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const agent = await claimedAgent(t);
  signedIn = await browser.newContext();
  await signIn(await signedIn.newPage(), t.baseUrl, agent.email);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** Full paths of the routes answering `method`, read from Fastify's printed route tree. */
function routes(method: string): string[] {
  const tree = t.server.app.printRoutes({ commonPrefix: false, method: method as "GET" });
  const stack: string[] = [];
  const out: string[] = [];
  for (const line of tree.split("\n")) {
    const m = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    if (m[3]?.split(", ").includes(method)) out.push(stack.join(""));
  }
  return out;
}

/** Web routes: not the JSON APIs, discovery documents or probes. */
const isWeb = (path: string) =>
  !/^\/(api\/|\.well-known\/|auth\.md|llms\.txt|healthz|readyz)/.test(path) && path !== "*";
const concrete = (path: string) => path.replace(/:[A-Za-z]+/g, "x_unknown");

function expectSecurityHeaders(headers: Headers, what: string) {
  expect(headers.get("content-security-policy"), what).toContain("frame-ancestors 'none'");
  expect(headers.get("x-content-type-options"), what).toBe("nosniff");
  expect(headers.get("referrer-policy"), what).toBe("no-referrer");
  expect(headers.get("x-frame-options"), what).toBe("DENY");
}

describe("every web route", () => {
  it("finds the forms", () => {
    const posts = routes("POST").filter(isWeb);
    // The known forms, so a broken route reader cannot pass vacuously.
    expect(posts).toEqual(
      expect.arrayContaining([
        "/signin",
        "/signout",
        "/claim",
        "/claim/decline",
        "/settings/api-keys",
        "/team/invites",
      ]),
    );
  });

  it("every form POST refuses a missing or wrong CSRF token, signed out and signed in", async () => {
    const posts = routes("POST").filter(isWeb).map(concrete);
    const form = await fetch(`${t.baseUrl}/signin`);
    // Every body is read: an unread response stays in flight and holds up the server's close.
    await form.arrayBuffer();
    const csrfCookie = form.headers
      .getSetCookie()
      .find((c) => c.startsWith("ot_csrf="))!
      .split(";")[0]!;
    const summary: string[] = [];
    for (const path of posts) {
      const cases = [
        { what: "no token, no cookie", headers: {}, body: "email=x%40example.org" },
        { what: "wrong token", headers: { cookie: csrfCookie }, body: "email=x%40example.org&_csrf=wrong" },
      ];
      for (const c of cases) {
        const res = await fetch(t.baseUrl + path, {
          method: "POST",
          redirect: "manual",
          headers: { "content-type": "application/x-www-form-urlencoded", ...c.headers },
          body: c.body,
        });
        await res.arrayBuffer();
        expect(res.status, `${path}: ${c.what}`).toBe(403);
        expectSecurityHeaders(res.headers, `${path}: ${c.what}`);
      }
      for (const token of [undefined, "wrong"]) {
        const res = await signedIn.request.post(t.baseUrl + path, {
          form: token ? { _csrf: token } : {},
          maxRedirects: 0,
        });
        expect(res.status(), `${path} signed in, ${token ?? "no"} token`).toBe(403);
      }
      summary.push(`${path} 403×4`);
    }
    process.stdout.write(`CSRF: ${summary.join(", ")}\n`);
  });

  it("every page, redirect and error sends the security headers", async () => {
    const gets = routes("GET").filter(isWeb).map(concrete);
    expect(gets.length).toBeGreaterThan(5);
    const cookie = (await signedIn.cookies(t.baseUrl)).map((c) => `${c.name}=${c.value}`).join("; ");
    for (const path of [...gets, "/no-such-page"]) {
      for (const headers of [{}, { cookie }]) {
        const res = await fetch(t.baseUrl + path, { redirect: "manual", headers });
        await res.arrayBuffer();
        expect(res.status, path).toBeLessThan(500);
        expectSecurityHeaders(res.headers, `${path} (${res.status})`);
      }
    }
  });

  it("no page fails on hostile addresses: NUL, bad percent-encoding, over-long ids, odd unicode", async () => {
    const gets = routes("GET").filter(isWeb);
    const cookie = (await signedIn.cookies(t.baseUrl)).map((c) => `${c.name}=${c.value}`).join("; ");
    const hostile = ["a%00b", "%E0%A4%A", "%", "a".repeat(300), "%E2%80%AE%F0%9F%98%80", "..%2F..%2Fetc"];
    const answers: number[] = [];
    for (const route of gets) {
      for (const h of hostile) {
        const path = route.includes(":")
          ? route.replace(/:[A-Za-z]+/g, h)
          : `${route}?token=${h}&to=${h}&email=${h}&next=${h}&account=${h}`;
        const res = await fetch(t.baseUrl + path, { redirect: "manual", headers: { cookie } });
        await res.arrayBuffer();
        expect(res.status, path).toBeLessThan(500);
        expectSecurityHeaders(res.headers, path);
        answers.push(res.status);
      }
    }
    expect(answers).toContain(400);
  });
});
