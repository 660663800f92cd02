import { JOB_STATUSES, operations } from "@opentrain-ai/contract";
import {
  claimedAgent,
  registerAgent,
  sandbox,
  startTestServer,
  type RegisteredAgent,
  type TestServer,
} from "@opentrain-ai/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiOf, createOpenJob, createReadyDraft } from "./jobs-helpers.js";

let t: TestServer;
let api: ReturnType<typeof apiOf>;

beforeAll(async () => {
  t = await startTestServer({ env: { OPENTRAIN_SANDBOX_SEED_JOBS: "0" } });
  api = apiOf(t);
});
afterAll(() => t?.close());

const statusOf = async (token: string, jobId: string) => {
  const mine = await api("GET", "/jobs/mine?limit=100", token);
  return mine.body.jobs.find((j: { id: string }) => j.id === jobId)?.status;
};

const changesFor = async (since: string, jobId: string) => {
  const res = await api("GET", `/jobs/changes?since=${encodeURIComponent(since)}`, null);
  return res.body.changes.filter((c: { jobId: string }) => c.jobId === jobId);
};

describe("POST /jobs/{jobId}/publish", () => {
  it("publishes a ready draft: OPEN, jobUrl, warnings, side effects", async () => {
    const agent = await registerAgent(t);
    const jobId = await createReadyDraft(t, agent.token, { headcount: undefined });
    const res = await api("POST", `/jobs/${jobId}/publish`, agent.token, {});
    expect(res.status).toBe(200);
    expect(operations.jobsPublish.output.safeParse(res.body).success).toBe(true);
    expect(res.body).toMatchObject({
      ok: true,
      jobId,
      status: "OPEN",
      alreadyPublished: false,
      jobUrl: `${t.baseUrl}/jobs/spanish-sentiment-labeling-${jobId}`,
      publishAttemptId: expect.stringMatching(/^pub_/),
      sideEffects: { dispatched: true, status: "queued" },
    });
    expect(res.body.warnings.join(" ")).toContain("headcount");
    expect(await statusOf(agent.token, jobId)).toBe("OPEN");
    const pub = await api("GET", `/jobs/${jobId}`, null);
    expect(pub.status).toBe(200);
  });

  it("is a no-op on an OPEN job (alreadyPublished) and does not count against the cap", async () => {
    const agent = await registerAgent(t);
    const jobId = await createOpenJob(t, agent.token);
    for (let i = 0; i < 4; i++) {
      const again = await api("POST", `/jobs/${jobId}/publish`, agent.token, {});
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ alreadyPublished: true, status: "OPEN", jobId });
    }
    // Two more fresh publishes still fit under the unclaimed cap of 3.
    await createOpenJob(t, agent.token);
    await createOpenJob(t, agent.token);
  });

  it("answers 400 with details.validation when the draft is not ready", async () => {
    const agent = await registerAgent(t);
    const created = await api("POST", "/job-drafts", agent.token, {
      rawJobDescription: "Label some images for us please, thanks.",
    });
    const res = await api("POST", `/jobs/${created.body.jobId}/publish`, agent.token, {});
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("BAD_REQUEST");
    expect(res.body.details).toMatchObject({
      reason: "not_publish_ready",
      validation: { publishReady: false, missingFields: expect.arrayContaining(["experienceLevel"]) },
    });
    expect(res.body.details.missingFields[0].prompt).toMatch(/^ask: /);
    expect(await statusOf(agent.token, created.body.jobId)).toBe("DRAFT");
  });

  it("answers 409 for a closed job and 404 for someone else's", async () => {
    const agent = await registerAgent(t);
    const jobId = await createReadyDraft(t, agent.token);
    await api("POST", `/jobs/${jobId}/close`, agent.token, {});
    const closed = await api("POST", `/jobs/${jobId}/publish`, agent.token, {});
    expect(closed.status).toBe(409);
    expect(closed.body.details).toMatchObject({ reason: "job_not_draft", status: "ARCHIVED", requiredStatus: "DRAFT" });
    const other = await registerAgent(t);
    const foreign = await api("POST", `/jobs/${await createReadyDraft(t, other.token)}/publish`, agent.token, {});
    expect(foreign.status).toBe(404);
  });

  it("caps unclaimed accounts at 3 publishes per rolling 24 h (429 + Retry-After)", async () => {
    const agent = await registerAgent(t);
    for (let i = 0; i < 3; i++) await createOpenJob(t, agent.token);
    const jobId = await createReadyDraft(t, agent.token);
    const res = await api("POST", `/jobs/${jobId}/publish`, agent.token, {});
    expect(res.status).toBe(429);
    expect(res.body.code).toBe("RATE_LIMITED");
    expect(res.body.details).toMatchObject({ reason: "publish_limit_reached", limit: 3, windowHours: 24 });
    const retryAfter = Number(res.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(24 * 3600);
    expect(await statusOf(agent.token, jobId)).toBe("DRAFT");
    // The window rolls: a day later the oldest publishes no longer count.
    const moved = await sandbox(t, "POST", "/clock/advance", { seconds: retryAfter + 1 });
    expect(moved.status).toBe(200);
    const later = await api("POST", `/jobs/${jobId}/publish`, agent.token, {});
    expect(later.status).toBe(200);
  });

  it("caps claimed accounts at 20 publishes per rolling 24 h", async () => {
    const agent = await claimedAgent(t);
    for (let i = 0; i < 20; i++) await createOpenJob(t, agent.token);
    const res = await api("POST", `/jobs/${await createReadyDraft(t, agent.token)}/publish`, agent.token, {});
    expect(res.status).toBe(429);
    expect(res.body.details).toMatchObject({ limit: 20, windowHours: 24 });
  });

  it("never exceeds the cap under concurrent publishes", async () => {
    const agent = await registerAgent(t);
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push(await createReadyDraft(t, agent.token));
    const results = await Promise.all(ids.map((id) => api("POST", `/jobs/${id}/publish`, agent.token, {})));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429, 429, 429]);
    const mine = await api("GET", "/jobs/mine?status=OPEN", agent.token);
    expect(mine.body.jobs).toHaveLength(3);
  });

  it("does not count moderation-blocked attempts against the cap", async () => {
    const agent = await registerAgent(t);
    const bad = await createReadyDraft(t, agent.token, {
      description: "Label images. Questions? Email me at jo@example.com",
    });
    for (let i = 0; i < 4; i++) {
      expect((await api("POST", `/jobs/${bad}/publish`, agent.token, {})).status).toBe(403);
    }
    for (let i = 0; i < 3; i++) await createOpenJob(t, agent.token);
  });
});

describe("moderation on publish (403 moderation_blocked)", () => {
  let agent: RegisteredAgent;
  beforeAll(async () => {
    agent = await claimedAgent(t);
  });

  it.each([
    [
      "an email address",
      { description: "Label 500 images. Send questions to hiring.team@example.com please." },
      "contact_details",
    ],
    [
      "a phone number",
      { description: "Label 500 images of cars. Call +1 (415) 555-0199 to start." },
      "contact_details",
    ],
    [
      "a messaging handle",
      { description: "Label 500 images of cars. Ping me on Telegram @carlabels_boss for details." },
      "contact_details",
    ],
    [
      "a WhatsApp link",
      { description: "Label 500 images of cars; details at https://wa.me/4915112345678 today." },
      "contact_details",
    ],
    [
      "off-platform payment",
      { description: "Label 500 car images. Payment is sent via PayPal after each batch." },
      "off_platform_payment",
    ],
    [
      "a fee charged to trainers",
      { description: "Label 500 car images. There is a $20 registration fee to join the project." },
      "off_platform_payment",
    ],
    [
      "academic cheating",
      { description: "Please take my online exam for statistics next week and write my essay too." },
      "prohibited_work",
    ],
    [
      "weapons manufacture",
      { description: "Write step-by-step guides to build a pipe bomb for our training set." },
      "prohibited_work",
    ],
    [
      "surveillance of a person",
      { description: "Help me track my ex-girlfriend's location without her knowledge using photos." },
      "prohibited_work",
    ],
    [
      "sexual content involving minors",
      { description: "Collect explicit images of minors for a classifier training set." },
      "prohibited_work",
    ],
    ["an hourly rate under $3", { rateAmount: 2.5 }, "pay_below_floor"],
    ["a per-label rate under $0.001", { paymentType: "PAY_PER_LABEL", rateAmount: 0.0005 }, "pay_below_floor"],
  ])("blocks %s", async (_name, overrides, rule) => {
    const jobId = await createReadyDraft(t, agent.token, overrides);
    const res = await api("POST", `/jobs/${jobId}/publish`, agent.token, {});
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("FORBIDDEN");
    expect(res.body.details).toMatchObject({ reason: "moderation_blocked", jobId, status: "DRAFT" });
    expect(res.body.details.reasons.some((r: string) => r.startsWith(`${rule}:`))).toBe(true);
    expect(res.body.details.fix.length).toBeGreaterThan(0);
    expect(await statusOf(agent.token, jobId)).toBe("DRAFT");
  });

  it("warns about a rate under the floor already on the draft", async () => {
    const created = await api("POST", "/job-drafts", agent.token, {
      format: "opentrain_canonical",
      job: {
        title: "Cheap job",
        description: "Label images of cats and dogs carefully.",
        paymentType: "PAY_PER_HOUR",
        rateAmount: 1,
      },
    });
    expect(created.body.warnings.join(" ")).toContain("below the 3 USD floor");
  });
});

describe("PATCH /jobs/{jobId}", () => {
  let agent: RegisteredAgent;
  beforeAll(async () => {
    agent = await claimedAgent(t);
  });

  it("edits a live job after moderation allows it (UPDATED in the feed)", async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    const jobId = await createOpenJob(t, agent.token);
    const res = await api("PATCH", `/jobs/${jobId}`, agent.token, {
      jobTitle: "Spanish Review Sentiment",
      pricePerHour: 17,
    });
    expect(res.status).toBe(200);
    expect(operations.jobsUpdate.output.safeParse(res.body).success).toBe(true);
    expect(res.body).toEqual({ ok: true, jobId, status: "OPEN", moderation: { decision: "ALLOW", reasons: [] } });
    const pub = await api("GET", `/jobs/${jobId}`, null);
    expect(pub.body).toMatchObject({
      title: "Spanish Review Sentiment",
      slug: "spanish-review-sentiment",
      pay: { hourlyRate: 17 },
    });
    expect(await changesFor(since, jobId)).toEqual([{ jobId, eventType: "UPDATED", occurredAt: expect.any(String) }]);
  });

  it("saves a blocked edit, moves the job back to DRAFT and answers 409 moderation_blocked", async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    const jobId = await createOpenJob(t, agent.token);
    const description =
      "Label reviews in Spanish. Payment via Western Union, and reach me on WhatsApp: +34 612 345 678.";
    const res = await api("PATCH", `/jobs/${jobId}`, agent.token, { jobDescription: description });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("CONFLICT");
    expect(res.body.details).toMatchObject({ jobId, reason: "moderation_blocked", status: "DRAFT" });
    const rules = res.body.details.reasons.map((r: string) => r.split(":")[0]);
    expect(rules).toEqual(expect.arrayContaining(["contact_details", "off_platform_payment"]));
    expect(res.body.details.fix.length).toBeGreaterThan(0);
    expect(await statusOf(agent.token, jobId)).toBe("DRAFT");
    const pub = await api("GET", `/jobs/${jobId}`, null);
    expect(pub.status).toBe(404);
    expect(pub.body).toEqual({ id: jobId, status: "closed" });
    expect((await changesFor(since, jobId))[0]).toMatchObject({ eventType: "CLOSED" });
    // The edit was kept: fixing it and publishing again works.
    const draft = await api("PATCH", `/job-drafts/${jobId}`, agent.token, { headcount: 6 });
    expect(draft.body.normalizedFields.jobDescription).toBe(description);
    const fixed = await api("PATCH", `/job-drafts/${jobId}`, agent.token, {
      jobDescription: "Label reviews in Spanish as positive, negative or neutral.",
    });
    expect(fixed.body.validation.publishReady).toBe(true);
    expect((await api("POST", `/jobs/${jobId}/publish`, agent.token, {})).status).toBe(200);
  });

  it("answers 409 for a job that is not OPEN, steering drafts to PATCH /job-drafts", async () => {
    const jobId = await createReadyDraft(t, agent.token);
    const res = await api("PATCH", `/jobs/${jobId}`, agent.token, { headcount: 2 });
    expect(res.status).toBe(409);
    expect(res.body.details).toEqual({ reason: "job_not_open", jobId, status: "DRAFT", requiredStatus: "OPEN" });
    expect(res.body.error).toContain(`PATCH /job-drafts/${jobId}`);
  });

  it("refuses an edit that would leave the live job incomplete (400, nothing saved)", async () => {
    const jobId = await createOpenJob(t, agent.token);
    const res = await api("PATCH", `/jobs/${jobId}`, agent.token, { experienceLevel: null });
    expect(res.status).toBe(400);
    expect(res.body.details).toMatchObject({
      reason: "not_publish_ready",
      validation: { missingFields: ["experienceLevel"] },
    });
    expect(await statusOf(agent.token, jobId)).toBe("OPEN");
  });

  it.each([
    ["an unknown key", { category: "Audio" }],
    ["a wrong type", { headcount: "many" }],
    ["an empty body", {}],
  ])("rejects %s with 400", async (_name, body) => {
    const jobId = await createOpenJob(t, agent.token);
    const res = await api("PATCH", `/jobs/${jobId}`, agent.token, body);
    expect(res.status).toBe(400);
  });

  it("answers 404 for another account's job", async () => {
    const other = await claimedAgent(t);
    const jobId = await createOpenJob(t, other.token);
    const res = await api("PATCH", `/jobs/${jobId}`, agent.token, { headcount: 2 });
    expect(res.status).toBe(404);
  });

  it("takes an INVITE_ONLY job off the public listings (CLOSED in the feed)", async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    const jobId = await createOpenJob(t, agent.token);
    const res = await api("PATCH", `/jobs/${jobId}`, agent.token, { visibility: "INVITE_ONLY" });
    expect(res.status).toBe(200);
    expect((await api("GET", `/jobs/${jobId}`, null)).body).toEqual({ id: jobId, status: "closed" });
    expect((await changesFor(since, jobId))[0].eventType).toBe("CLOSED");
  });
});

describe("POST /jobs/{jobId}/close", () => {
  it("archives an open job, then reports alreadyClosed", async () => {
    const agent = await registerAgent(t);
    const since = new Date(Date.now() - 60_000).toISOString();
    const jobId = await createOpenJob(t, agent.token);
    const res = await api("POST", `/jobs/${jobId}/close`, agent.token, {});
    expect(res.status).toBe(200);
    expect(operations.jobsClose.output.safeParse(res.body).success).toBe(true);
    expect(res.body).toEqual({ ok: true, jobId, status: "ARCHIVED", alreadyClosed: false });
    const again = await api("POST", `/jobs/${jobId}/close`, agent.token, {});
    expect(again.body).toEqual({ ok: true, jobId, status: "ARCHIVED", alreadyClosed: true });
    const pub = await api("GET", `/jobs/${jobId}`, null);
    expect(pub.status).toBe(404);
    expect(pub.body).toEqual({ id: jobId, status: "closed" });
    expect(await changesFor(since, jobId)).toEqual([{ jobId, eventType: "CLOSED", occurredAt: expect.any(String) }]);
    const mine = await api("GET", "/jobs/mine?status=ARCHIVED", agent.token);
    expect(mine.body.jobs[0]).toMatchObject({ id: jobId, published: true, acceptingApplicants: false });
  });

  it("closes a draft too, and 404s for unknown or foreign jobs", async () => {
    const agent = await registerAgent(t);
    const jobId = await createReadyDraft(t, agent.token);
    expect((await api("POST", `/jobs/${jobId}/close`, agent.token, {})).body.status).toBe("ARCHIVED");
    expect((await api("POST", "/jobs/job_nope/close", agent.token, {})).status).toBe(404);
    const other = await registerAgent(t);
    expect((await api("POST", `/jobs/${jobId}/close`, other.token, {})).status).toBe(404);
  });
});

describe("GET /jobs/mine", () => {
  let agent: RegisteredAgent;
  const ids: string[] = [];
  beforeAll(async () => {
    agent = await registerAgent(t);
    for (let i = 0; i < 5; i++) ids.push(await createReadyDraft(t, agent.token, { title: `Mine job ${i}` }));
    await api("POST", `/jobs/${ids[1]}/publish`, agent.token, {});
  });

  it("lists every job newest first with derived flags and proposal counts", async () => {
    const res = await api("GET", "/jobs/mine", agent.token);
    expect(res.status).toBe(200);
    expect(operations.jobsMine.output.safeParse(res.body).success).toBe(true);
    expect(res.body.jobs.map((j: { id: string }) => j.id)).toEqual([...ids].reverse());
    expect(res.body.nextCursor).toBeNull();
    const open = res.body.jobs.find((j: { id: string }) => j.id === ids[1]);
    expect(open).toMatchObject({
      status: "OPEN",
      published: true,
      acceptingApplicants: true,
      proposalCounts: { total: 0, unreviewed: 0 },
    });
    expect(open.jobUrl).toBe(`${t.baseUrl}/jobs/mine-job-1-${ids[1]}`);
    const draft = res.body.jobs.find((j: { id: string }) => j.id === ids[0]);
    expect(draft).toMatchObject({ status: "DRAFT", published: false, acceptingApplicants: false });
  });

  it("pages with an opaque cursor and filters by status", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const page = await api("GET", `/jobs/mine?limit=2${q}`, agent.token);
      expect(page.body.jobs.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.jobs.map((j: { id: string }) => j.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const drafts = await api("GET", "/jobs/mine?status=DRAFT", agent.token);
    expect(drafts.body.jobs).toHaveLength(4);
    const open = await api("GET", "/jobs/mine?status=OPEN", agent.token);
    expect(open.body.jobs.map((j: { id: string }) => j.id)).toEqual([ids[1]]);
  });

  it("only lists the caller's own jobs", async () => {
    const other = await registerAgent(t);
    const res = await api("GET", "/jobs/mine", other.token);
    expect(res.body.jobs).toEqual([]);
  });

  it.each([
    ["an unknown status", "?status=LIVE", { supportedStatuses: [...JOB_STATUSES] }],
    ["limit 0", "?limit=0", { field: "limit" }],
    ["limit over 100", "?limit=101", { field: "limit" }],
    ["a forged cursor", "?cursor=not-a-cursor", { field: "cursor" }],
  ])("rejects %s with 400", async (_name, query, details) => {
    const res = await api("GET", `/jobs/mine${query}`, agent.token);
    expect(res.status).toBe(400);
    expect(res.body.details).toMatchObject(details);
  });
});
