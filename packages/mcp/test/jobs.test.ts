import { describe, expect, it } from "vitest";
import { ToolContext, allTools, summarize } from "../src/index.js";
import { formatPay } from "../src/summaries/jobs.js";
import { BASE_URL, call, connect, fakeFetch, tempConfigHome } from "./helpers.js";

const tools = new Map(allTools().map((t) => [t.name, t]));
const info = (name: string, status = 200, params: Record<string, unknown> = {}) => ({
  tool: tools.get(name)!,
  params,
  ctx: new ToolContext({ env: {} }),
  status,
});

const EXPERIENCE = {
  field: "experienceLevel",
  label: "Experience level",
  message: "Set experience level (experienceLevel) before publishing.",
  code: "missing_required_field",
  prompt: "ask: Which experience level do the trainers need? (EXPERT, ENTRY_LEVEL, INTERMEDIATE, ANY_EXPERIENCE_LEVEL)",
  type: "enum",
  enumValues: ["EXPERT", "ENTRY_LEVEL", "INTERMEDIATE", "ANY_EXPERIENCE_LEVEL"],
  updateKeys: ["experienceLevel"],
  example: "INTERMEDIATE",
  hint: null,
};
const PER_LABEL = {
  field: "pricePerLabel",
  label: "Per-label rate",
  message: "PAY_PER_LABEL needs pricePerLabel before publishing.",
  code: "missing_required_field",
  prompt: "ask: What is the per-label rate (USD)?",
  type: "number",
  enumValues: null,
  updateKeys: ["pricePerLabel"],
  example: "0.05",
  hint: "At least $0.001/label; publishing below that is blocked by moderation.",
};

const draft = (overrides: Record<string, unknown> = {}) => ({
  ok: true,
  jobId: "job_1",
  status: "DRAFT",
  draftUrl: `${BASE_URL}/job-post?jobId=job_1`,
  reviewUrl: `${BASE_URL}/job-post?jobId=job_1`,
  validation: {
    publishReady: false,
    issueCount: 0,
    missingFieldCount: 2,
    missingFields: ["experienceLevel", "pricePerLabel"],
    issues: [],
  },
  missingFields: [EXPERIENCE, PER_LABEL],
  normalizedFields: {
    jobTitle: "Norwegian Podcast Transcription",
    paymentType: "PAY_PER_LABEL",
    languages: ["Norwegian"],
  },
  warnings: ["Set headcount to say how many AI trainers you want to hire."],
  unmappedFields: [{ path: "job.shoeSize", reason: "not a canonical job key", valuePreview: "42" }],
  lowConfidenceFields: [{ field: "jobTitle", value: "Norwegian Podcast Transcription" }],
  ...overrides,
});

const READY = draft({
  validation: { publishReady: true, issueCount: 0, missingFieldCount: 0, missingFields: [], issues: [] },
  missingFields: [],
  warnings: [],
  unmappedFields: [],
  lowConfidenceFields: [],
});

describe("job draft summaries", () => {
  it("lists each missing field as ask: and set: lines and names the next step", () => {
    const text = summarize(draft(), info("opentrain_create_job_draft", 201));
    const lines = text.split("\n");
    expect(lines[0]).toBe("Created draft job_1 (status DRAFT). Not ready to publish: 2 questions for the human.");
    expect(lines).toContain(
      "1. ask: Which experience level do the trainers need? (EXPERT, ENTRY_LEVEL, INTERMEDIATE, ANY_EXPERIENCE_LEVEL)",
    );
    expect(lines).toContain(
      "   set: experienceLevel — one of EXPERT | ENTRY_LEVEL | INTERMEDIATE | ANY_EXPERIENCE_LEVEL (e.g. INTERMEDIATE)",
    );
    expect(lines).toContain("2. ask: What is the per-label rate (USD)?");
    expect(lines).toContain("   set: pricePerLabel — number (e.g. 0.05)");
    expect(lines).toContain("   hint: At least $0.001/label; publishing below that is blocked by moderation.");
    expect(text).toContain(
      "Extracted: jobTitle=Norwegian Podcast Transcription; paymentType=PAY_PER_LABEL; languages=Norwegian.",
    );
    expect(text).toContain("Warnings: Set headcount");
    expect(text).toContain("Low-confidence fields (confirm with the human): jobTitle=Norwegian Podcast Transcription.");
    expect(text).toContain("Not imported: job.shoeSize (not a canonical job key).");
    expect(text).toContain(
      'Next step: ask the human the questions above (do not guess the answers), then call opentrain_update_job_draft_fields with jobId "job_1" and patch {"experienceLevel": <answer>, "pricePerLabel": <answer>}; once validation.publishReady is true, call opentrain_publish_job.',
    );
  });

  it("says ready and points at opentrain_publish_job; notes an idempotent replay and an update", () => {
    const created = summarize(READY, info("opentrain_create_job_draft", 200));
    expect(created).toContain("Draft job_1 already existed for this idempotencyKey");
    expect(created).toContain("Ready to publish.");
    expect(created).toContain('Next step: call opentrain_publish_job with jobId "job_1"');
    expect(created).not.toContain("ask:");
    const updated = summarize(
      draft({ missingFields: [PER_LABEL], validation: { ...draft().validation, missingFields: ["pricePerLabel"] } }),
      info("opentrain_update_job_draft_fields"),
    );
    expect(updated.split("\n")[0]).toBe(
      "Updated draft job_1 (status DRAFT). Not ready to publish: 1 question for the human.",
    );
    expect(updated).toContain("1. ask: What is the per-label rate (USD)?\n   set: pricePerLabel — number (e.g. 0.05)");
    expect(updated).toContain('patch {"pricePerLabel": <answer>}');
  });

  it("falls back to the validation names and lists issues", () => {
    const text = summarize(
      {
        ok: true,
        jobId: "job_2",
        status: "DRAFT",
        draftUrl: "u",
        validation: {
          publishReady: false,
          issueCount: 1,
          missingFieldCount: 1,
          missingFields: ["dataVolumeUnit"],
          issues: [
            {
              ...EXPERIENCE,
              field: "jobDescription",
              code: "description_too_short",
              message: "The description must be at least 20 characters.",
              prompt: "ask: Describe the work the AI trainers will do.",
              type: "text",
              enumValues: null,
              updateKeys: ["jobDescription"],
              example: "Transcribe calls.",
            },
          ],
        },
      },
      info("opentrain_update_job_draft_fields"),
    );
    expect(text).toContain("1. ask: Set dataVolumeUnit.\n   set: dataVolumeUnit — value");
    expect(text).toContain(
      "2. ask: Describe the work the AI trainers will do.\n   set: jobDescription — text (e.g. Transcribe calls.)\n   why: The description must be at least 20 characters.",
    );
  });
});

describe("publish, close, search and list summaries", () => {
  const published = {
    ok: true,
    jobId: "job_1",
    status: "OPEN",
    alreadyPublished: false,
    jobUrl: `${BASE_URL}/jobs/podcast-job_1`,
    publishAttemptId: "pub_1",
    warnings: ["Set headcount to say how many AI trainers you want to hire."],
    sideEffects: { dispatched: true, status: "queued" },
  };

  it("publish: the job URL, warnings and the already-published note", () => {
    const text = summarize(published, info("opentrain_publish_job"));
    expect(text).toContain("Published job job_1: status OPEN, live on the marketplace.");
    expect(text).toContain(`Job URL: ${BASE_URL}/jobs/podcast-job_1`);
    expect(text).toContain("Warnings (worth improving with opentrain_update_published_job):\n- Set headcount");
    const again = summarize({ ...published, alreadyPublished: true, warnings: [] }, info("opentrain_publish_job"));
    expect(again).toContain("was already published (alreadyPublished: true); nothing changed");
    expect(again).not.toContain("Warnings");
  });

  it("update published and close", () => {
    expect(
      summarize(
        { ok: true, jobId: "job_1", status: "OPEN", moderation: { decision: "ALLOW", reasons: [] } },
        info("opentrain_update_published_job", 200, { jobId: "job_1", patch: { pricePerHour: 20 } }),
      ),
    ).toContain("Updated live job job_1 (pricePerHour): moderation ALLOW, still OPEN.");
    expect(
      summarize({ ok: true, jobId: "job_1", status: "ARCHIVED", alreadyClosed: false }, info("opentrain_close_job")),
    ).toContain("Closed job job_1: status ARCHIVED.");
    expect(
      summarize({ ok: true, jobId: "job_1", status: "ARCHIVED", alreadyClosed: true }, info("opentrain_close_job")),
    ).toContain("already closed (alreadyClosed: true)");
  });

  it("search: title, pay, category, languages and id per job, then the cursor", () => {
    const pay = {
      paymentType: "PAY_PER_HOUR",
      currency: "USD",
      hourlyRate: 18,
      hourlyMin: null,
      hourlyMax: null,
      fixedPrice: null,
      perLabelRate: null,
    };
    const text = summarize(
      {
        jobs: [
          {
            id: "job_1",
            title: "Norwegian Podcast Transcription",
            category: "Audio Annotation",
            languages: ["Norwegian"],
            pay,
          },
          {
            id: "job_2",
            title: "Receipts",
            category: "Document Processing",
            languages: [],
            pay: { ...pay, paymentType: "PAY_PER_LABEL", hourlyRate: null, perLabelRate: 0.05 },
          },
        ],
        nextCursor: "c_2",
        generatedAt: "2026-01-01T00:00:00.000Z",
      },
      info("opentrain_search_jobs"),
    );
    expect(text.split("\n").slice(0, 4)).toEqual([
      "2 open jobs:",
      "- Norwegian Podcast Transcription — $18/h — Audio Annotation — Norwegian — id job_1",
      "- Receipts — $0.05/label — Document Processing — id job_2",
      'More results: call again with cursor "c_2" (same filters).',
    ]);
    expect(summarize({ jobs: [], nextCursor: null, generatedAt: "x" }, info("opentrain_search_jobs"))).toContain(
      "No open jobs match.\nNo more pages.",
    );
    expect(formatPay({ paymentType: "FIXED_PRICE", currency: "USD", fixedPrice: 1500 })).toBe("$1,500 fixed");
    expect(formatPay({ paymentType: "PAY_PER_HOUR", currency: "USD", hourlyMin: 15, hourlyMax: 20 })).toBe("$15–20/h");
  });

  it("list: title, status, proposals and id per job, then the cursor", () => {
    const text = summarize(
      {
        jobs: [
          {
            id: "job_1",
            title: "Norwegian Podcast Transcription",
            status: "DRAFT",
            published: true,
            acceptingApplicants: false,
            createdAt: "x",
            updatedAt: "y",
            jobUrl: "u",
            proposalCounts: { total: 3, unreviewed: 1 },
          },
        ],
        nextCursor: null,
      },
      info("opentrain_list_jobs"),
    );
    expect(text.split("\n").slice(0, 3)).toEqual([
      "1 job (newest first):",
      "- Norwegian Podcast Transcription — DRAFT — 3 proposals (1 unreviewed) — id job_1",
      "No more pages.",
    ]);
  });
});

describe("job errors over the MCP protocol", () => {
  const moderationBlocked = {
    error:
      "Moderation blocked this edit: contact_details: jobDescription contains an email address (x@example.com). The edit was saved and the job is back to DRAFT.",
    code: "CONFLICT",
    requestId: "req_9",
    details: {
      reason: "moderation_blocked",
      jobId: "job_1",
      status: "DRAFT",
      reasons: ["contact_details: jobDescription contains an email address (x@example.com)"],
      findings: [
        {
          rule: "contact_details",
          field: "jobDescription",
          message: "jobDescription contains an email address (x@example.com)",
          fix: "Remove the email address from jobDescription; candidates reach you through OpenTrain messages.",
        },
      ],
      fix: ["Remove the email address from jobDescription; candidates reach you through OpenTrain messages."],
    },
  };

  async function withServer<T>(
    routes: Parameters<typeof fakeFetch>[0],
    fn: (c: Awaited<ReturnType<typeof connect>>["client"], f: ReturnType<typeof fakeFetch>) => Promise<T>,
  ) {
    const home = tempConfigHome();
    const f = fakeFetch(routes);
    const { client, close } = await connect({
      env: { XDG_CONFIG_HOME: home.dir, OPENTRAIN_API_BASE_URL: BASE_URL, OPENTRAIN_PERSONAL_API_TOKEN: "ot_pat_x" },
      fetch: f.fetch,
    });
    try {
      return await fn(client, f);
    } finally {
      await close();
      home.cleanup();
    }
  }

  it("a blocked live edit is an isError result with the 409 details, the reasons, the fix and the way back", async () => {
    await withServer(
      { "PATCH /api/public/v1/jobs/job_1": { status: 409, body: moderationBlocked } },
      async (client, f) => {
        const r = await call(client, "opentrain_update_published_job", {
          jobId: "job_1",
          patch: { jobDescription: "Contact me at x@example.com" },
        });
        expect(JSON.parse(f.requests[0]!.body)).toEqual({ jobDescription: "Contact me at x@example.com" });
        expect(r.isError).toBe(true);
        expect(r.data).toEqual({
          status: 409,
          error: moderationBlocked.error,
          code: "CONFLICT",
          requestId: "req_9",
          details: moderationBlocked.details,
        });
        const lines = r.text.split("\n");
        expect(lines[0]).toBe(`409 CONFLICT: ${moderationBlocked.error}`);
        expect(lines[1]).toBe(
          "Moderation blocked this edit. The edit WAS saved and job job_1 is back in DRAFT: it is off the marketplace until it is published again.",
        );
        expect(r.text).toContain(
          "Reasons:\n- contact_details: jobDescription contains an email address (x@example.com)",
        );
        expect(r.text).toContain(
          "What to fix:\n- Remove the email address from jobDescription; candidates reach you through OpenTrain messages.",
        );
        expect(r.text).toContain(`Details: ${JSON.stringify(moderationBlocked.details)}`);
        expect(r.text).toMatch(
          /Next step: Tell the human what was blocked .* opentrain_update_job_draft_fields with jobId "job_1" .* replaces jobDescription .* opentrain_publish_job/,
        );
      },
    );
  });

  it("publishing an unready draft relays the ask:/set: lines; a live job steers draft edits to update_published", async () => {
    await withServer(
      {
        "POST /api/public/v1/jobs/job_1/publish": {
          status: 400,
          body: {
            error: "The draft is not ready to publish.",
            code: "BAD_REQUEST",
            requestId: "req_1",
            details: {
              reason: "not_publish_ready",
              jobId: "job_1",
              validation: draft().validation,
              missingFields: [EXPERIENCE],
            },
          },
        },
        "PATCH /api/public/v1/job-drafts/job_2": {
          status: 409,
          body: {
            error: "Job job_2 is OPEN, not a DRAFT.",
            code: "CONFLICT",
            requestId: "req_2",
            details: { reason: "job_not_draft", jobId: "job_2", status: "OPEN", requiredStatus: "DRAFT" },
          },
        },
      },
      async (client) => {
        const r = await call(client, "opentrain_publish_job", { jobId: "job_1" });
        expect(r.isError).toBe(true);
        expect(r.text).toContain("Job job_1 is not ready to publish:\n1. ask: Which experience level");
        expect(r.text).toContain("   set: experienceLevel — one of EXPERT | ENTRY_LEVEL");
        expect(r.text).toContain(
          'Next step: Relay the ask: questions to the human, call opentrain_update_job_draft_fields with jobId "job_1"',
        );
        const live = await call(client, "opentrain_update_job_draft_fields", {
          jobId: "job_2",
          patch: { headcount: 2 },
        });
        expect(live.isError).toBe(true);
        expect(live.text).toContain(
          "Next step: Job job_2 is live (OPEN): edit it with opentrain_update_published_job instead.",
        );
      },
    );
  });

  it("a successful draft call returns the exact API body as structuredContent", async () => {
    await withServer({ "POST /api/public/v1/job-drafts": { status: 201, body: draft() } }, async (client, f) => {
      const r = await call(client, "opentrain_create_job_draft", {
        jobDescription: "Transcribe Norwegian podcasts.",
        title: "Podcasts",
      });
      expect(JSON.parse(f.requests[0]!.body)).toEqual({
        rawJobDescription: "Podcasts\n\nTranscribe Norwegian podcasts.",
      });
      expect(r.isError).toBe(false);
      expect(r.data).toEqual(draft());
      expect(r.text).toContain("1. ask: Which experience level do the trainers need?");
    });
  });
});
