import {
  claimedAgent,
  http,
  sandbox,
  startTestServer,
  type ClaimedAgent,
  type TestServer,
} from "@opentrain-ai/testkit";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./browser.js";

let t: TestServer;
let browser: Browser;
let employer: ClaimedAgent;

const api = (method: string, path: string, json?: unknown) =>
  http(t.baseUrl, method, `/api/public/v1${path}`, { token: employer.token, json });

/** A published job of the employer (through the API, as an agent would). */
async function publishJob(job: Record<string, unknown>): Promise<string> {
  const draft = await api("POST", "/job-drafts", {
    format: "opentrain_canonical",
    job: {
      paymentType: "PAY_PER_HOUR",
      rateAmount: 17,
      countries: [],
      tools: ["Label Studio"],
      experienceLevel: "INTERMEDIATE",
      dataVolumeUnit: "HOURS_OF_RECORDING_AUDIO_VIDEO",
      dataVolume: 120,
      headcount: 3,
      ...job,
    },
  });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  const published = await api("POST", `/jobs/${draft.body.jobId}/publish`, {});
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  return draft.body.jobId as string;
}

/** Picks a trainer in the console's picker by a search and returns their id (the page now acts as them). */
async function actAsFirstMatch(page: Page, search: string): Promise<string> {
  await page.goto(`${t.baseUrl}/trainer-console`);
  await page.fill("#trainer-search input[name=q]", search);
  await page.click("#trainer-search button[type=submit]");
  const row = page.locator("#trainers tbody tr").first();
  const id = await row.getAttribute("data-trainer-id");
  await row.locator("a.act-as").click();
  await page.locator("#trainer-name").waitFor();
  expect(await page.locator("#trainer-id").textContent()).toBe(id);
  return id!;
}

beforeAll(async () => {
  // The seeded marketplace, but no real-time tick: the simulated trainers (replies, invitation
  // answers) only act when a test advances the clock, so the person acts first here.
  [t, browser] = await Promise.all([
    startTestServer({ env: { OPENTRAIN_SANDBOX_TICK_SECONDS: "0" } }),
    launchBrowser(),
  ]);
  employer = await claimedAgent(t, { organization_name: "Console Test Speech Co" });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe("sandbox trainer console", () => {
  it("a person applies as a trainer, the employer sees the proposal, and they talk before hiring", async () => {
    const jobId = await publishJob({
      title: "Kashubian Podcast Transcription",
      description: "Transcribe Kashubian and Polish podcast episodes verbatim, with speaker turns and timestamps.",
      languages: ["Polish"],
      labelTypes: ["Transcription"],
      dataType: "Audio",
    });
    const context = await browser.newContext();
    const page = await context.newPage();

    // Pick a trainer: the picker searches the masked view (here a language) and pages.
    const trainerId = await actAsFirstMatch(page, "Polish");
    const trainerName = (await page.locator("#trainer-name").textContent())!;
    expect(trainerName).toMatch(/^(\S+ \S\.|Freelancer)$/);

    // Find the job among the seeded marketplace and open it.
    await page.click(`a[href$="/jobs"]`);
    await page.fill("#job-search input[name=q]", "Kashubian");
    await page.click("#job-search button[type=submit]");
    await expect(page.locator("#jobs li").count()).resolves.toBe(1);
    await page.locator(`#jobs li[data-job-id="${jobId}"] a.job-link`).click();
    await expect(page.locator("#job-title").textContent()).resolves.toBe("Kashubian Podcast Transcription");

    // A second tab has the same form open (a double submit later).
    const other = await context.newPage();
    await other.goto(page.url());

    // A bid that is not a number is explained, and what was typed stays.
    await page.fill("#bid", "eighteen");
    await page.fill("#cover-note", "I transcribe Polish podcasts every week and know Kashubian well.");
    await page.click("#apply");
    await expect(page.locator(".notice.error").textContent()).resolves.toContain('"eighteen" is not a bid');
    await expect(page.locator("#cover-note").inputValue()).resolves.toContain("Kashubian well");

    await page.fill("#bid", "18.50");
    await page.click("#apply");
    await expect(page.locator(".notice.ok").textContent()).resolves.toContain("Proposal sent");
    await expect(page.locator(`#proposals tr[data-job-id="${jobId}"]`).textContent()).resolves.toContain("$18.5");

    // The other tab submits too: the page says the trainer already applied.
    await other.fill("#bid", "20");
    await other.click("#apply");
    await expect(other.locator(".notice.error").textContent()).resolves.toContain("already has a proposal");
    await expect(other.locator("#already-applied").count()).resolves.toBe(1);
    await other.close();

    // The employer sees the proposal through the API, with the simulator's interview and scores.
    const listed = await api("GET", `/jobs/${jobId}/proposals`);
    expect(listed.status).toBe(200);
    const proposal = listed.body.proposals.find((p: any) => p.candidate.id === trainerId);
    expect(proposal, JSON.stringify(listed.body)).toBeDefined();
    expect(proposal).toMatchObject({ source: "APPLIED", bid: { amountUsd: 18.5, unit: "PER_HOUR" } });
    expect(proposal.candidate.displayName).toBe(trainerName);
    expect(proposal.metrics.matchScore).toBeGreaterThanOrEqual(0);
    const detail = await api("GET", `/proposals/${proposal.id}`);
    expect(detail.body.proposal.coverNote).toBe("I transcribe Polish podcasts every week and know Kashubian well.");
    expect(detail.body.proposal.aiInterview).toMatchObject({ transcriptAvailable: true });

    // The employer opens the pre-hire thread: until they write, the trainer cannot.
    const thread = await api("POST", `/proposals/${proposal.id}/conversation`, {});
    expect(thread.status).toBe(201);
    const conversationId = thread.body.conversationId as string;
    await page.goto(`${t.baseUrl}/trainer-console/${trainerId}/conversations/${conversationId}`);
    await expect(page.locator(".notice.warn").textContent()).resolves.toContain("has not written yet");
    expect(await page.locator("#reply-form").count()).toBe(0);

    const asked = await api("POST", "/messages", {
      conversationId,
      content: "Thanks for applying! Are you available for about 15 hours a week?",
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);

    // The console's overview shows the thread waiting for an answer.
    await page.goto(`${t.baseUrl}/trainer-console/${trainerId}`);
    const item = page.locator(`#conversations li[data-conversation-id="${conversationId}"]`);
    await expect(item.textContent()).resolves.toContain("Awaiting your reply");
    await item.locator("a").click();
    await expect(page.locator("#messages").textContent()).resolves.toContain("about 15 hours a week");

    // Contact details are refused with the policy's explanation; the draft stays.
    await page.fill("#message", "Sure! Email me at kasia.console@example.com and we can sort it out.");
    await page.click("#send");
    await expect(page.locator(".notice.error").textContent()).resolves.toContain("content policy");
    await expect(page.locator("#message").inputValue()).resolves.toContain("kasia.console@example.com");

    await page.fill("#message", "Yes, 15 hours a week works for me, starting Monday.");
    await page.click("#send");
    await expect(page.locator(".notice.ok").textContent()).resolves.toContain("Message sent");
    await expect(page.locator("#messages li.from-trainer").last().textContent()).resolves.toContain("starting Monday");

    // The employer reads the answer through GET /messages.
    const read = await api("GET", `/messages?conversationId=${conversationId}`);
    expect(read.status).toBe(200);
    const answer = read.body.messages.find((m: any) => m.senderUserId === trainerId);
    expect(answer?.content).toBe("Yes, 15 hours a week works for me, starting Monday.");
    expect(read.body.messages.some((m: any) => String(m.content).includes("example.com"))).toBe(false);
    await context.close();
  });

  it("a person accepts one invitation and declines another as the invited trainers", async () => {
    const jobId = await publishJob({
      title: "Invite-only Dutch Voicemail Transcription",
      description: "Transcribe short Dutch voicemail recordings verbatim and tag background noise.",
      languages: ["Dutch"],
      labelTypes: ["Transcription"],
      dataType: "Audio",
      visibility: "INVITE_ONLY",
    });
    const trainers = await sandbox(t, "GET", "/trainers?limit=100");
    const [first, second] = trainers.body.trainers.filter((x: any) => x.status === "ACTIVE");
    for (const trainer of [first, second]) {
      const invited = await api("POST", `/jobs/${jobId}/invites`, { freelancerId: trainer.id });
      expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    }
    const context = await browser.newContext();
    const page = await context.newPage();

    // Accept with an own bid: the proposal arrives with the simulated interview.
    await actAsFirstMatch(page, first.id);
    const invitation = page.locator("#invitations li", { hasText: "Dutch Voicemail" });
    await invitation.locator("input[name=bid]").fill("21");
    await invitation.locator(".accept-invitation button").click();
    await expect(page.locator(".notice.ok").textContent()).resolves.toContain("Invitation accepted");
    await expect(page.locator("#invitations").textContent()).resolves.toContain("No pending invitations");

    // Decline as the second trainer.
    await actAsFirstMatch(page, second.id);
    await page.locator("#invitations li", { hasText: "Dutch Voicemail" }).locator(".decline-invitation button").click();
    await expect(page.locator(".notice.ok").textContent()).resolves.toContain("Invitation declined");

    const listed = await api("GET", `/jobs/${jobId}/proposals`);
    const byTrainer = new Map(listed.body.proposals.map((p: any) => [p.candidate.id, p]));
    expect(byTrainer.get(first.id)).toMatchObject({
      source: "INVITED",
      invitation: { status: "ACCEPTED" },
      status: { raw: "UNREVIEWED" },
      bid: { amountUsd: 21 },
    });
    expect((byTrainer.get(first.id) as any).metrics.interviewScore).not.toBeNull();
    expect(byTrainer.get(second.id)).toMatchObject({ invitation: { status: "DECLINED" }, status: { raw: "DECLINED" } });
    await context.close();
  });

  it("refuses a form without its CSRF token and answers unknown trainers with a 404 page", async () => {
    const posted = await fetch(`${t.baseUrl}/trainer-console/ftr_unknown/jobs/job_unknown/apply`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "bid=10",
    });
    expect(posted.status).toBe(403);
    const unknown = await fetch(`${t.baseUrl}/trainer-console/ftr_doesNotExist0000000`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("no sandbox trainer with this id");
  });
});
