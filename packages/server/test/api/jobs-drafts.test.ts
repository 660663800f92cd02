import {
  DATA_VOLUME_UNITS,
  EXPERIENCE_LEVELS,
  JOB_UPDATE_KEYS,
  PAYMENT_TYPES,
  operations,
} from "@opentrain-ai/contract";
import { registerAgent, startTestServer, type RegisteredAgent, type TestServer } from "@opentrain-ai/testkit";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobs } from "../../src/db/schema.js";
import { apiOf, canonicalJob, createOpenJob, createReadyDraft } from "./jobs-helpers.js";

let t: TestServer;
let api: ReturnType<typeof apiOf>;
let agent: RegisteredAgent;

beforeAll(async () => {
  t = await startTestServer({ env: { OPENTRAIN_SANDBOX_SEED_JOBS: "0" } });
  api = apiOf(t);
  agent = await registerAgent(t, { agent_name: "Drafter" });
});
afterAll(() => t?.close());

const stored = async (jobId: string) =>
  (await t.server.database.db.select().from(jobs).where(eq(jobs.id, jobId)).limit(1))[0]!;

const BRIEF =
  "German Audio Transcription\n\nWe need five fluent German speakers to transcribe about 200 hours of customer-service calls verbatim, paid $15/hour.";

describe("GET /job-drafts/capabilities", () => {
  it("returns every update key with its type and every enum's values", async () => {
    const res = await api("GET", "/job-drafts/capabilities", agent.token);
    expect(res.status).toBe(200);
    expect(operations.jobDraftsCapabilities.output.safeParse(res.body).success).toBe(true);
    expect(res.body.draft.updateKeys).toEqual(JOB_UPDATE_KEYS);
    expect(res.body.draft.enums).toMatchObject({
      paymentType: [...PAYMENT_TYPES],
      experienceLevel: [...EXPERIENCE_LEVELS],
      dataVolumeUnit: [...DATA_VOLUME_UNITS],
    });
    expect(res.body.draft.enums.dataType).toContain("Audio");
    expect(res.body.draft.enums.visibility).toEqual(["PUBLIC", "INVITE_ONLY"]);
    expect(res.body.draft.fields.map((f: { key: string }) => f.key)).toEqual(JOB_UPDATE_KEYS);
    for (const f of res.body.draft.fields) {
      expect(["string", "text", "number", "integer", "enum", "string[]", "object"]).toContain(f.type);
      if (f.type === "enum") expect(f.enumValues.length).toBeGreaterThan(0);
      else expect(f.enumValues).toBeNull();
    }
    const required = res.body.draft.fields.filter((f: { requiredForPublish: boolean }) => f.requiredForPublish);
    expect(required.map((f: { key: string }) => f.key)).toEqual([
      "jobTitle",
      "jobDescription",
      "dataVolumeUnit",
      "experienceLevel",
      "paymentType",
    ]);
  });
});

describe("POST /job-drafts", () => {
  it("creates a DRAFT from plain text with a gap list to relay (201)", async () => {
    const res = await api("POST", "/job-drafts", agent.token, { rawJobDescription: BRIEF, externalId: "ats-1" });
    expect(res.status).toBe(201);
    expect(operations.jobDraftsCreate.output.safeParse(res.body).success).toBe(true);
    expect(res.body).toMatchObject({ ok: true, status: "DRAFT" });
    expect(res.body.jobId).toMatch(/^job_[A-Za-z0-9]{20}$/);
    expect(res.body.draftUrl).toBe(`${t.baseUrl}/job-post?jobId=${res.body.jobId}`);
    expect(res.body.normalizedFields.jobDescription).toContain("customer-service calls");
    const v = res.body.validation;
    expect(v.missingFieldCount).toBe(v.missingFields.length);
    expect(v.missingFields).toEqual(res.body.missingFields.map((m: { field: string }) => m.field));
    expect(v.publishReady).toBe(false);
    expect(v.missingFields).toContain("experienceLevel");
    for (const gap of res.body.missingFields) {
      expect(gap.prompt).toMatch(/^ask: /);
      expect(gap.code).toBe("missing_required_field");
      expect(gap.updateKeys.length).toBeGreaterThan(0);
      expect(typeof gap.example).toBe("string");
    }
    const experience = res.body.missingFields.find((m: { field: string }) => m.field === "experienceLevel");
    expect(experience).toMatchObject({
      type: "enum",
      enumValues: [...EXPERIENCE_LEVELS],
      updateKeys: ["experienceLevel"],
      prompt:
        "ask: Which experience level do the trainers need? (EXPERT, ENTRY_LEVEL, INTERMEDIATE, ANY_EXPERIENCE_LEVEL)",
    });
    expect((await stored(res.body.jobId)).externalId).toBe("ats-1");
    const mine = await api("GET", "/jobs/mine?status=DRAFT", agent.token);
    expect(mine.body.jobs.map((j: { id: string }) => j.id)).toContain(res.body.jobId);
  });

  it("accepts the source object shape for text", async () => {
    const res = await api("POST", "/job-drafts", agent.token, {
      source: { type: "text", text: BRIEF, externalId: "ats-2" },
    });
    expect(res.status).toBe(201);
    expect((await stored(res.body.jobId)).externalId).toBe("ats-2");
  });

  it("imports the OpenTrain canonical object (top level and nested in source)", async () => {
    const job = canonicalJob({ tools: ["Label Studio"], rateAmount: 16, shoeSize: 42 });
    const top = await api("POST", "/job-drafts", agent.token, {
      format: "opentrain_canonical",
      job,
      externalId: "c-1",
    });
    expect(top.status).toBe(201);
    expect(top.body.normalizedFields).toMatchObject({
      jobTitle: "Spanish Sentiment Labeling",
      paymentType: "PAY_PER_HOUR",
      pricePerHour: 16,
      labelingSoftware: "Label Studio",
      languages: ["Spanish"],
      countries: ["ES", "MX"],
      experienceLevel: "INTERMEDIATE",
    });
    expect(top.body.validation.publishReady).toBe(true);
    expect(top.body.unmappedFields).toContainEqual({
      path: "job.shoeSize",
      reason: expect.any(String),
      valuePreview: "42",
    });
    const nested = await api("POST", "/job-drafts", agent.token, { source: { type: "opentrain_canonical", job } });
    expect(nested.status).toBe(201);
    expect(nested.body.normalizedFields.pricePerHour).toBe(16);
  });

  it("imports a schema.org JobPosting", async () => {
    const res = await api("POST", "/job-drafts", agent.token, {
      format: "schema_org_job_posting",
      jsonLd: {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        title: "French Intent Classification",
        description: "<p>Tag customer chat lines with one of <b>12 intents</b>.</p><ul><li>French</li></ul>",
        identifier: { "@type": "PropertyValue", name: "ATS", value: "jp-77" },
        baseSalary: {
          "@type": "MonetaryAmount",
          currency: "USD",
          value: { "@type": "QuantitativeValue", minValue: 14, maxValue: 18, unitText: "HOUR" },
        },
        applicantLocationRequirements: [
          { "@type": "Country", name: "France" },
          { "@type": "Country", name: "BE" },
        ],
        totalJobOpenings: 4,
        employmentType: "CONTRACTOR",
        hiringOrganization: { "@type": "Organization", name: "Example Labs" },
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.normalizedFields).toMatchObject({
      jobTitle: "French Intent Classification",
      paymentType: "PAY_PER_HOUR",
      pricePerHour: 14,
      budgetRange: { min: 14, max: 18 },
      countries: ["FR", "BE"],
      headcount: 4,
    });
    expect(res.body.normalizedFields.jobDescription).toContain("Tag customer chat lines with one of 12 intents.");
    expect(res.body.normalizedFields.jobDescription).not.toContain("<p>");
    expect(res.body.lowConfidenceFields).toContainEqual(expect.objectContaining({ field: "pricePerHour" }));
    expect(res.body.unmappedFields.map((u: { path: string }) => u.path)).toContain("jsonLd.hiringOrganization");
    expect((await stored(res.body.jobId)).externalId).toBe("jp-77");
  });

  it("imports an Indeed XML feed entry", async () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<source><publisher>ATS</publisher>
  <job>
    <title><![CDATA[Bounding Boxes for Dashcam Images]]></title>
    <referencenumber><![CDATA[req-991]]></referencenumber>
    <company><![CDATA[Example Labs]]></company>
    <country><![CDATA[Germany]]></country>
    <salary><![CDATA[$18 per hour]]></salary>
    <description><![CDATA[<p>Draw boxes around cars and pedestrians in 50,000 dashcam images.</p>]]></description>
    <education>None</education>
  </job>
</source>`;
    const res = await api("POST", "/job-drafts", agent.token, { format: "indeed_xml", xml });
    expect(res.status).toBe(201);
    expect(res.body.normalizedFields).toMatchObject({
      jobTitle: "Bounding Boxes for Dashcam Images",
      paymentType: "PAY_PER_HOUR",
      pricePerHour: 18,
      countries: ["DE"],
    });
    const paths = res.body.unmappedFields.map((u: { path: string }) => u.path);
    expect(paths).toContain("job.company");
    expect(paths).toContain("job.education");
    expect((await stored(res.body.jobId)).externalId).toBe("req-991");
  });

  it("imports an HR-XML PositionOpening", async () => {
    const xml = `<PositionOpening xmlns="http://ns.hr-xml.org/2007-04-15">
  <PositionRecordInfo><Id><IdValue>hr-5</IdValue></Id></PositionRecordInfo>
  <PositionProfile>
    <PositionDetail>
      <PhysicalLocation><Area><CountryCode>IN</CountryCode></Area></PhysicalLocation>
      <PositionTitle>Hindi Speech Transcription</PositionTitle>
      <RemunerationPackage><BasePay>
        <BasePayAmountMin currencyID="USD">12</BasePayAmountMin>
        <BasePayInterval>Hourly</BasePayInterval>
      </BasePay></RemunerationPackage>
    </PositionDetail>
    <FormattedPositionDescription><Value>Transcribe Hindi call-center audio verbatim with speaker turns.</Value></FormattedPositionDescription>
    <NumberToFill>6</NumberToFill>
  </PositionProfile>
</PositionOpening>`;
    const res = await api("POST", "/job-drafts", agent.token, { source: { type: "hr_xml", xml } });
    expect(res.status).toBe(201);
    expect(res.body.normalizedFields).toMatchObject({
      jobTitle: "Hindi Speech Transcription",
      jobDescription: "Transcribe Hindi call-center audio verbatim with speaker turns.",
      paymentType: "PAY_PER_HOUR",
      pricePerHour: 12,
      countries: ["IN"],
      headcount: 6,
    });
    expect((await stored(res.body.jobId)).externalId).toBe("hr-5");
  });

  it.each([
    ["no body shape", {}],
    ["two shapes", { rawJobDescription: BRIEF, format: "opentrain_canonical", job: canonicalJob() }],
    ["a format without its payload", { format: "schema_org_job_posting" }],
    ["the wrong payload type", { format: "indeed_xml", xml: 42 }],
    ["an object where XML text belongs", { source: { type: "hr_xml", xml: { a: 1 } } }],
    ["an unsupported format", { format: "word_doc", job: {} }],
    ["text over 60,000 characters", { rawJobDescription: "x".repeat(60_001) }],
    ["source.type text without text", { source: { type: "text" } }],
    ["a JSON-LD object that is not a JobPosting", { format: "schema_org_job_posting", jsonLd: { "@type": "Person" } }],
    ["malformed XML", { format: "indeed_xml", xml: "<source><job><title>x</job></source>" }],
    ["XML with a DOCTYPE", { format: "hr_xml", xml: '<!DOCTYPE x [<!ENTITY a "b">]><PositionOpening/>' }],
    [
      "externalId twice with different values",
      { externalId: "a", source: { type: "text", text: BRIEF, externalId: "b" } },
    ],
  ])("rejects %s with 400", async (_name, body) => {
    const res = await api("POST", "/job-drafts", agent.token, body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "BAD_REQUEST", requestId: expect.any(String) });
    expect(typeof res.body.error).toBe("string");
  });

  it("names the line of malformed XML", async () => {
    const res = await api("POST", "/job-drafts", agent.token, {
      format: "indeed_xml",
      xml: "<source>\n<job>\n<title>x</job></source>",
    });
    expect(res.body.details).toMatchObject({ reason: "invalid_import", field: "xml", line: expect.any(Number) });
  });

  it("accepts exactly 60,000 characters", async () => {
    const text = `Image labeling brief. ${"Label every image carefully. ".repeat(3000)}`.slice(0, 60_000);
    const res = await api("POST", "/job-drafts", agent.token, { rawJobDescription: text });
    expect(res.status).toBe(201);
  });
});

describe("POST /job-drafts idempotency", () => {
  it("returns the same draft (200) for the same key and body, whatever the key order", async () => {
    const first = await api("POST", "/job-drafts", agent.token, {
      rawJobDescription: BRIEF,
      idempotencyKey: "k-1",
      externalId: "e",
    });
    expect(first.status).toBe(201);
    const again = await api("POST", "/job-drafts", agent.token, {
      externalId: "e",
      idempotencyKey: "k-1",
      rawJobDescription: BRIEF,
    });
    expect(again.status).toBe(200);
    expect(again.body.jobId).toBe(first.body.jobId);
    expect(operations.jobDraftsCreate.output.safeParse(again.body).success).toBe(true);
  });

  it("answers 409 for the same key with a different body", async () => {
    await api("POST", "/job-drafts", agent.token, { rawJobDescription: BRIEF, idempotencyKey: "k-2" });
    const res = await api("POST", "/job-drafts", agent.token, {
      rawJobDescription: `${BRIEF} Changed.`,
      idempotencyKey: "k-2",
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: "CONFLICT",
      details: { reason: "idempotency_key_reused", jobId: expect.any(String) },
    });
  });

  it("treats source.idempotencyKey like the top-level key", async () => {
    const body = { source: { type: "text", text: BRIEF, idempotencyKey: "k-3" } };
    const a = await api("POST", "/job-drafts", agent.token, body);
    const b = await api("POST", "/job-drafts", agent.token, body);
    expect([a.status, b.status]).toEqual([201, 200]);
    expect(b.body.jobId).toBe(a.body.jobId);
  });

  it("scopes keys per account", async () => {
    const other = await registerAgent(t);
    const a = await api("POST", "/job-drafts", agent.token, { rawJobDescription: BRIEF, idempotencyKey: "shared" });
    const b = await api("POST", "/job-drafts", other.token, { rawJobDescription: BRIEF, idempotencyKey: "shared" });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.jobId).not.toBe(b.body.jobId);
  });

  it("creates one draft for concurrent retries with one key", async () => {
    const body = { rawJobDescription: BRIEF, idempotencyKey: "k-race" };
    const results = await Promise.all(Array.from({ length: 5 }, () => api("POST", "/job-drafts", agent.token, body)));
    expect(new Set(results.map((r) => r.body.jobId)).size).toBe(1);
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
  });

  it("answers 409 when the keyed draft has been published since", async () => {
    const body = { format: "opentrain_canonical", job: canonicalJob(), idempotencyKey: "k-pub" };
    const a = await api("POST", "/job-drafts", agent.token, body);
    expect((await api("POST", `/jobs/${a.body.jobId}/publish`, agent.token, {})).status).toBe(200);
    const b = await api("POST", "/job-drafts", agent.token, body);
    expect(b.status).toBe(409);
    expect(b.body.details).toMatchObject({ reason: "job_not_draft", jobId: a.body.jobId, status: "OPEN" });
  });
});

describe("PATCH /job-drafts/{jobId}", () => {
  it("fills gaps until publishReady, returning the refreshed report", async () => {
    const created = await api("POST", "/job-drafts", agent.token, { rawJobDescription: BRIEF });
    const jobId = created.body.jobId;
    const res = await api("PATCH", `/job-drafts/${jobId}`, agent.token, {
      jobTitle: "German Call Transcription",
      experienceLevel: "ENTRY_LEVEL",
      paymentType: "PAY_PER_HOUR",
      pricePerHour: 15,
      dataVolumeUnit: "HOURS_OF_RECORDING_AUDIO_VIDEO",
      dataVolume: 200,
      countries: ["de", "at"],
      languages: ["german"],
      budgetRange: { min: 15, max: 18 },
    });
    expect(res.status).toBe(200);
    expect(operations.jobDraftsUpdate.output.safeParse(res.body).success).toBe(true);
    expect(res.body).toMatchObject({
      ok: true,
      jobId,
      status: "DRAFT",
      validation: { publishReady: true, missingFields: [] },
    });
    expect(res.body.normalizedFields).toMatchObject({
      jobTitle: "German Call Transcription",
      pricePerHour: 15,
      countries: ["DE", "AT"],
      languages: ["German"],
      budgetRange: { min: 15, max: 18 },
    });
    expect(res.body.missingFields).toEqual([]);
  });

  it("asks for the rate that matches the payment type", async () => {
    const jobId = await createReadyDraft(t, agent.token);
    const res = await api("PATCH", `/job-drafts/${jobId}`, agent.token, { paymentType: "PAY_PER_LABEL" });
    expect(res.body.validation).toMatchObject({ publishReady: false, missingFields: ["pricePerLabel"] });
    expect(res.body.missingFields[0]).toMatchObject({
      field: "pricePerLabel",
      type: "number",
      updateKeys: ["pricePerLabel"],
      prompt: "ask: What is the per-label rate (USD)?",
    });
    expect(res.body.warnings.join(" ")).toContain("pricePerHour is set but paymentType is PAY_PER_LABEL");
  });

  it("clears a field with null", async () => {
    const jobId = await createReadyDraft(t, agent.token);
    const res = await api("PATCH", `/job-drafts/${jobId}`, agent.token, { experienceLevel: null, headcount: null });
    expect(res.body.validation.missingFields).toEqual(["experienceLevel"]);
    expect(res.body.normalizedFields.headcount).toBeUndefined();
  });

  it("drops a low-confidence entry once the field is answered", async () => {
    const created = await api("POST", "/job-drafts", agent.token, {
      format: "schema_org_job_posting",
      jsonLd: {
        "@type": "JobPosting",
        title: "Range pay job",
        description: "Annotate receipts with the vendor, the date and the total amount.",
        baseSalary: { currency: "USD", value: { minValue: 12, maxValue: 16, unitText: "HOUR" } },
      },
    });
    expect(created.body.lowConfidenceFields.map((l: { field: string }) => l.field)).toContain("pricePerHour");
    const res = await api("PATCH", `/job-drafts/${created.body.jobId}`, agent.token, { pricePerHour: 13 });
    expect(res.body.lowConfidenceFields.map((l: { field: string }) => l.field)).not.toContain("pricePerHour");
  });

  it.each([
    [
      "an unknown key",
      { shoeSize: 42 },
      { reason: "unknown_update_keys", field: "shoeSize", unknownKeys: ["shoeSize"] },
    ],
    ["a wrong type", { pricePerHour: "fifteen" }, { field: "pricePerHour" }],
    ["a bad enum value", { experienceLevel: "intermediate" }, { field: "experienceLevel" }],
    ["a non-integer headcount", { headcount: 2.5 }, { field: "headcount" }],
    ["an unknown country", { countries: ["ZZ"] }, { field: "countries.0" }],
    ["a budget range upside down", { budgetRange: { min: 20, max: 10 } }, { field: "budgetRange.min" }],
    ["a rate with sub-micro precision", { pricePerLabel: 0.0000001 }, { field: "pricePerLabel" }],
    ["an empty body", {}, { field: "body" }],
  ])("rejects %s with 400", async (_name, body, details) => {
    const jobId = await createReadyDraft(t, agent.token);
    const res = await api("PATCH", `/job-drafts/${jobId}`, agent.token, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("BAD_REQUEST");
    expect(res.body.details).toMatchObject(details);
  });

  it("answers 404 for an unknown or another account's job", async () => {
    const other = await registerAgent(t);
    const jobId = await createReadyDraft(t, other.token);
    for (const id of [jobId, "job_doesnotexist"]) {
      const res = await api("PATCH", `/job-drafts/${id}`, agent.token, { headcount: 2 });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe("NOT_FOUND");
    }
  });

  it("answers 409 once the job is no longer a draft, steering to PATCH /jobs/{jobId}", async () => {
    const jobId = await createOpenJob(t, agent.token);
    const res = await api("PATCH", `/job-drafts/${jobId}`, agent.token, { headcount: 2 });
    expect(res.status).toBe(409);
    expect(res.body.details).toEqual({ reason: "job_not_draft", jobId, status: "OPEN", requiredStatus: "DRAFT" });
    expect(res.body.error).toContain(`PATCH /jobs/${jobId}`);
  });
});
