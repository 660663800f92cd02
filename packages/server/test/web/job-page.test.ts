import { claimedAgent, launchBrowser, startTestServer, type TestServer } from "@opentrain-ai/testkit";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiOf, createReadyDraft } from "../api/jobs-helpers.js";

let t: TestServer;
let browser: Browser;
beforeAll(async () => {
  t = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe("public job page", () => {
  it("shows a published job at its jobUrl, escaped, and says when it closed", async () => {
    const agent = await claimedAgent(t);
    const api = apiOf(t);
    const jobId = await createReadyDraft(t, agent.token, {
      title: "Spanish <b>Sentiment</b> Labeling",
      description: "Read short Spanish product reviews.\n\nLabel each one positive, negative or neutral.",
    });
    const published = await api("POST", `/jobs/${jobId}/publish`, agent.token, {});
    expect(published.status).toBe(200);
    const jobUrl: string = published.body.jobUrl;

    const page = await (await browser.newContext()).newPage();
    const res = await page.goto(jobUrl);
    expect(res?.status()).toBe(200);
    expect(res?.headers()["content-security-policy"]).toContain("default-src 'self'");
    await expect(page.locator("#job-title").textContent()).resolves.toBe("Spanish <b>Sentiment</b> Labeling");
    await expect(page.locator("#job-description p").count()).resolves.toBe(2);
    await expect(page.locator("dl.facts").innerText()).resolves.toContain("$15 / hour");
    await page.screenshot({ path: "/tmp/opentrain-job-page.png", fullPage: true });

    await api("POST", `/jobs/${jobId}/close`, agent.token, {});
    const closed = await page.goto(jobUrl);
    expect(closed?.status()).toBe(404);
    await expect(page.locator("h1").textContent()).resolves.toBe("This job is closed");
    expect((await page.goto(`${t.baseUrl}/jobs/no-such-job_x`))?.status()).toBe(404);
  });
});
