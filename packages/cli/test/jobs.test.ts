import { EXIT_CODES } from "@opentrain-ai/contract";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { UsageError } from "../src/errors.js";
import { buildPatch, closeMatches, parseFieldValue, resolveFieldKey } from "../src/commands/jobs/fields.js";
import { canonicalBody, findJobPosting, importBody, xmlFlavour } from "../src/commands/jobs/import.js";
import { formatPay, question, shellQuote } from "../src/commands/jobs/render.js";
import { fakeFetch, runCli, tempConfig, type RecordedRequest } from "./helpers.js";

const BASE = "http://api.test";
let cfg: ReturnType<typeof tempConfig>;
let env: Record<string, string>;
let files: string;

beforeAll(() => {
  files = mkdtempSync(join(tmpdir(), "opentrain-cli-jobs-"));
});
afterAll(() => rmSync(files, { recursive: true, force: true }));
beforeEach(() => {
  cfg = tempConfig();
  env = { ...cfg.env, OT_API_BASE_URL: BASE, OT_API_TOKEN: "ot_pat_test" };
});
afterEach(() => cfg.cleanup());

const file = (name: string, content: string) => {
  const path = join(files, name);
  writeFileSync(path, content);
  return path;
};

const usage = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error("expected a usage error");
};

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

function draft(overrides: Record<string, unknown> = {}) {
  return {
    ok: true,
    jobId: "job_1",
    status: "DRAFT",
    draftUrl: `${BASE}/job-post?jobId=job_1`,
    reviewUrl: `${BASE}/job-post?jobId=job_1`,
    validation: {
      publishReady: false,
      issueCount: 0,
      missingFieldCount: 2,
      missingFields: ["experienceLevel", "pricePerLabel"],
      issues: [],
    },
    missingFields: [EXPERIENCE, PER_LABEL],
    normalizedFields: { jobTitle: "Norwegian Podcast Transcription", paymentType: "PAY_PER_LABEL" },
    warnings: ["Set headcount to say how many AI trainers you want to hire."],
    unmappedFields: [],
    lowConfidenceFields: [{ field: "jobTitle", value: "Norwegian Podcast Transcription", confidence: 0.5 }],
    ...overrides,
  };
}

const READY = draft({
  validation: { publishReady: true, issueCount: 0, missingFieldCount: 0, missingFields: [], issues: [] },
  missingFields: [],
  warnings: [],
  lowConfidenceFields: [],
});

const body = (req: RecordedRequest) => JSON.parse(req.body ?? "{}") as Record<string, unknown>;

describe("--set typing (JOB_FIELDS)", () => {
  it("parses numbers, integers, enums, lists, ranges and null", () => {
    expect(parseFieldValue("pricePerHour", "18")).toBe(18);
    expect(parseFieldValue("pricePerHour", "$18.50")).toBe(18.5);
    expect(parseFieldValue("pricePerLabel", "0.05")).toBe(0.05);
    expect(parseFieldValue("dataVolume", "20,000")).toBe(20000);
    expect(parseFieldValue("headcount", "5")).toBe(5);
    expect(parseFieldValue("experienceLevel", "intermediate")).toBe("INTERMEDIATE");
    expect(parseFieldValue("experienceLevel", "Entry level")).toBe("ENTRY_LEVEL");
    expect(parseFieldValue("experienceLevel", "any-experience-level")).toBe("ANY_EXPERIENCE_LEVEL");
    expect(parseFieldValue("dataType", "3d sensor")).toBe("3D Sensor");
    expect(parseFieldValue("paymentType", "pay_per_hour")).toBe("PAY_PER_HOUR");
    expect(parseFieldValue("languages", "German, French,")).toEqual(["German", "French"]);
    expect(parseFieldValue("countries", '["DE","AT"]')).toEqual(["DE", "AT"]);
    expect(parseFieldValue("countries", "")).toEqual([]);
    expect(parseFieldValue("budgetRange", "15-20")).toEqual({ min: 15, max: 20 });
    expect(parseFieldValue("budgetRange", "$15 – $20.5")).toEqual({ min: 15, max: 20.5 });
    expect(parseFieldValue("budgetRange", '{"min":1,"max":2}')).toEqual({ min: 1, max: 2 });
    expect(parseFieldValue("experienceLevel", "null")).toBeNull();
    expect(parseFieldValue("jobTitle", " null ")).toBeNull();
    expect(parseFieldValue("jobDescription", "Pay: $5 = fair. Really.")).toBe("Pay: $5 = fair. Really.");
  });

  it("rejects values of the wrong type with the key and the allowed values", () => {
    expect(usage(() => parseFieldValue("pricePerHour", "fifteen"))).toBe('pricePerHour: "fifteen" is not a number');
    expect(usage(() => parseFieldValue("pricePerLabel", "0,05"))).toContain("is not a number");
    expect(usage(() => parseFieldValue("headcount", "2.5", "--set headcount"))).toBe(
      '--set headcount: "2.5" is not a whole number',
    );
    expect(usage(() => parseFieldValue("experienceLevel", "senior"))).toBe(
      'experienceLevel: "senior" is not allowed; use one of EXPERT, ENTRY_LEVEL, INTERMEDIATE, ANY_EXPERIENCE_LEVEL',
    );
    expect(usage(() => parseFieldValue("budgetRange", "cheap"))).toContain("use min-max (e.g. 15-20)");
    expect(usage(() => parseFieldValue("languages", "[oops"))).toContain("is not valid JSON");
  });

  it("resolves keys in any spelling and names close matches for unknown ones", () => {
    expect(resolveFieldKey("experienceLevel")).toBe("experienceLevel");
    expect(resolveFieldKey("experience-level")).toBe("experienceLevel");
    expect(resolveFieldKey("PRICE_PER_HOUR")).toBe("pricePerHour");
    expect(closeMatches("experienceLvl")).toEqual(["experienceLevel"]);
    expect(closeMatches("price")).toEqual(expect.arrayContaining(["pricePerHour", "pricePerLabel"]));
    const msg = usage(() => resolveFieldKey("experiance"));
    expect(msg).toContain('unknown field "experiance" in --set; did you mean experienceLevel?');
    const none = usage(() => resolveFieldKey("zzzzzz"));
    expect(none).toContain("the fields are jobTitle, jobDescription");
  });

  it("builds a patch: patch file, then --set-file, then --set; the same key twice must agree", async () => {
    const patchFile = file("patch.json", JSON.stringify({ experienceLevel: "expert", headcount: 3, jobTitle: "Old" }));
    const descFile = file("desc.txt", "A long description of the work.\n");
    const { patch, sources } = await buildPatch({
      patchFile,
      setFile: [`jobDescription=${descFile}`],
      set: ["jobTitle=New title", "headcount=4", "labelTypes=Transcription,Speaker Diarization"],
    });
    expect(patch).toEqual({
      experienceLevel: "EXPERT",
      headcount: 4,
      jobTitle: "New title",
      jobDescription: "A long description of the work.",
      labelTypes: ["Transcription", "Speaker Diarization"],
    });
    expect(sources.experienceLevel).toBe("--patch-file (experienceLevel)");
    expect(sources.headcount).toBe("--set headcount");
    await expect(buildPatch({ set: ["headcount=1", "headcount=2"] })).rejects.toThrow(/set twice/);
    await expect(buildPatch({ set: ["headcount"] })).rejects.toThrow(/use --set key=value/);
    await expect(buildPatch({ patchFile: file("bad.json", "[1]") })).rejects.toThrow(/must hold a JSON object/);
    await expect(buildPatch({ patchFile: file("typo.json", '{"headcont": 2}') })).rejects.toThrow(
      /unknown field "headcont" in --patch-file; did you mean headcount/,
    );
    await expect(buildPatch({ patchFile: join(files, "missing.json") })).rejects.toThrow(/cannot read/);
  });
});

describe("import files: format inference", () => {
  const INDEED = "<source><job><title>Boxes</title><description>Draw boxes.</description></job></source>";
  const HR = `<?xml version="1.0"?>\n<!-- exported -->\n<hr:PositionOpening xmlns:hr="http://ns.hr-xml.org/2007-04-15"><hr:PositionProfile/></hr:PositionOpening>`;

  it("tells Indeed XML from HR-XML by the root element or namespace", () => {
    expect(xmlFlavour(INDEED)).toBe("indeed_xml");
    expect(xmlFlavour("<job><title>x</title></job>")).toBe("indeed_xml");
    expect(xmlFlavour(HR)).toBe("hr_xml");
    expect(xmlFlavour("<PositionOpening><x/></PositionOpening>")).toBe("hr_xml");
    expect(xmlFlavour('<JobPositionPosting xmlns="http://ns.hr-xml.org/2004-08-02"/>')).toBe("hr_xml");
    expect(xmlFlavour('<Envelope xmlns="http://www.hr-xml.org/3"><a/></Envelope>')).toBe("hr_xml");
  });

  it("infers from the extension and the content; --format wins", () => {
    expect(importBody("feed.xml", INDEED).body).toEqual({ format: "indeed_xml", xml: INDEED });
    expect(importBody("feed.txt", `\uFEFF  ${HR}`).body).toEqual({ format: "hr_xml", xml: HR });
    expect(importBody("feed.xml", INDEED, "hr_xml").body.format).toBe("hr_xml");
    const posting = { "@context": "https://schema.org", "@type": "JobPosting", title: "T" };
    expect(importBody("p.json", JSON.stringify(posting))).toMatchObject({
      body: { format: "schema_org_job_posting", jsonLd: posting },
      inferred: true,
    });
    const graph = {
      "@context": "https://schema.org",
      "@graph": [{ "@type": "Organization" }, { "@type": ["JobPosting"], title: "G" }],
    };
    expect(importBody("p.jsonld", JSON.stringify(graph)).body).toEqual({
      format: "schema_org_job_posting",
      jsonLd: { "@context": "https://schema.org", "@type": ["JobPosting"], title: "G" },
    });
    expect(findJobPosting([{ "@type": "schema:JobPosting", title: "A" }])).toEqual({
      "@type": "schema:JobPosting",
      title: "A",
    });
    const wrapper = { format: "indeed_xml", xml: INDEED, externalId: "ats-1" };
    expect(importBody("body.json", JSON.stringify(wrapper))).toMatchObject({
      body: { format: "indeed_xml", xml: INDEED },
      extras: { externalId: "ats-1" },
    });
    expect(importBody("job.json", '{"title":"x"}', "opentrain_canonical").body).toEqual({
      format: "opentrain_canonical",
      job: { title: "x" },
    });
  });

  it("refuses what it cannot tell or read", () => {
    expect(usage(() => importBody("job.json", '{"title": "x"}'))).toContain("cannot tell the format of job.json");
    expect(usage(() => importBody("job.json", "{nope"))).toContain("job.json is not valid JSON");
    expect(usage(() => importBody("empty.xml", "  "))).toBe("empty.xml is empty");
    expect(usage(() => importBody("x.json", '{"format":"text","text":"hi"}'))).toContain('says format "text"');
    expect(usage(() => importBody("x.json", "[1,2]", "schema_org_job_posting"))).toContain("needs a JSON-LD object");
  });

  it("reads a canonical job bare or wrapped, and refuses other payloads", () => {
    expect(canonicalBody("c.json", '{"title":"T","rateAmount":15}')).toEqual({
      body: { format: "opentrain_canonical", job: { title: "T", rateAmount: 15 } },
      extras: {},
    });
    expect(
      canonicalBody("c.json", '{"format":"opentrain_canonical","job":{"title":"T"},"idempotencyKey":"k1"}'),
    ).toEqual({ body: { format: "opentrain_canonical", job: { title: "T" } }, extras: { idempotencyKey: "k1" } });
    expect(usage(() => canonicalBody("c.json", '{"@type":"JobPosting"}'))).toContain(
      "use --import-file".replace("use", "import it with"),
    );
    expect(usage(() => canonicalBody("c.xml", "<job/>"))).toContain("is XML");
    expect(usage(() => canonicalBody("c.json", '{"format":"indeed_xml","xml":"<a/>"}'))).toContain(
      "indeed_xml payload",
    );
  });
});

describe("render helpers", () => {
  it("formats pay, questions and shell words", () => {
    expect(formatPay({ paymentType: "PAY_PER_HOUR", currency: "USD", hourlyRate: 18 })).toBe("$18/h");
    expect(
      formatPay({ paymentType: "PAY_PER_HOUR", currency: "USD", hourlyRate: null, hourlyMin: 15, hourlyMax: 20.5 }),
    ).toBe("$15–20.50/h");
    expect(formatPay({ paymentType: "PAY_PER_LABEL", currency: "USD", perLabelRate: 0.05 })).toBe("$0.05/label");
    expect(formatPay({ paymentType: "FIXED_PRICE", currency: "USD", fixedPrice: 1500 })).toBe("$1,500 fixed");
    expect(formatPay(null)).toBe("-");
    expect(question(EXPERIENCE)).toBe("Which experience level do the trainers need?");
    expect(question(PER_LABEL)).toBe("What is the per-label rate (USD)?");
    expect(shellQuote("job_1")).toBe("job_1");
    expect(shellQuote("podcast audio")).toBe("'podcast audio'");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});

describe("jobs draft create", () => {
  const created = () => fakeFetch(() => ({ status: 201, body: draft() }));

  it("prints readiness, each missing field as a numbered question with its command, warnings and doubts", async () => {
    const f = created();
    const r = await runCli(["jobs", "draft", "create", "--description", "Transcribe Norwegian podcasts."], {
      env,
      fetch: f.fetch,
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(f.requests[0]!.method).toBe("POST");
    expect(f.requests[0]!.url.pathname).toBe("/api/public/v1/job-drafts");
    expect(body(f.requests[0]!)).toEqual({ rawJobDescription: "Transcribe Norwegian podcasts." });
    expect(r.stdout).toContain("Created draft job_1.");
    expect(r.stdout).toMatch(/^Job ID:\s+job_1$/m);
    expect(r.stdout).toMatch(/^Status:\s+DRAFT$/m);
    expect(r.stdout).toMatch(/^Ready to publish:\s+no \(2 questions to answer\)$/m);
    const lines = r.stdout.split("\n");
    const q1 = lines.indexOf(
      "  1. Which experience level do the trainers need? (experienceLevel: EXPERT | ENTRY_LEVEL | INTERMEDIATE | ANY_EXPERIENCE_LEVEL)",
    );
    expect(q1).toBeGreaterThan(0);
    expect(lines[q1 + 1]).toBe("     opentrain jobs draft update job_1 --set experienceLevel=<value>");
    const q2 = lines.indexOf("  2. What is the per-label rate (USD)? (pricePerLabel: number, e.g. 0.05)");
    expect(q2).toBeGreaterThan(q1);
    expect(lines[q2 + 1]).toBe("     Hint: At least $0.001/label; publishing below that is blocked by moderation.");
    expect(lines[q2 + 2]).toBe("     opentrain jobs draft update job_1 --set pricePerLabel=<number>");
    expect(r.stdout).toContain("Warnings:\n  - Set headcount to say how many AI trainers you want to hire.");
    expect(r.stdout).toContain(
      "Low-confidence fields (check these with your human):\n  - jobTitle = Norwegian Podcast Transcription (confidence 0.5)",
    );
    expect(r.stdout).toContain("Next step: answer the questions above, then opentrain jobs publish job_1");
  });

  it("says yes when ready, and --json prints the API answer unchanged", async () => {
    const f = fakeFetch(() => ({ status: 201, body: READY }));
    const human = await runCli(["jobs", "draft", "create", "--text", "x y z"], { env, fetch: f.fetch });
    expect(human.stdout).toMatch(/^Ready to publish:\s+yes$/m);
    expect(human.stdout).toContain("Next step: opentrain jobs publish job_1");
    const json = await runCli(["jobs", "draft", "create", "--text", "x y z", "--json"], { env, fetch: f.fetch });
    expect(json.stdout).toBe(`${JSON.stringify(READY, null, 2)}\n`);
  });

  it("notes an idempotent replay (200)", async () => {
    const f = fakeFetch(() => ({ status: 200, body: READY }));
    const r = await runCli(
      ["jobs", "draft", "create", "--text", "x", "--idempotency-key", "k1", "--external-id", "ats-1"],
      {
        env,
        fetch: f.fetch,
      },
    );
    expect(r.stdout).toContain("already exists for this idempotency key");
    expect(body(f.requests[0]!)).toEqual({ rawJobDescription: "x", idempotencyKey: "k1", externalId: "ats-1" });
  });

  it("reads --description-file, piped stdin, and puts --title first", async () => {
    const f = created();
    const path = file("brief.txt", "  We need 4 Norwegian speakers.\n");
    await runCli(["jobs", "draft", "create", "--description-file", path, "--title", "Podcast Transcription"], {
      env,
      fetch: f.fetch,
    });
    await runCli(["jobs", "draft", "create"], { env, fetch: f.fetch, stdin: "From stdin.\n" });
    await runCli(["jobs", "draft", "create", "--description-file", "-"], { env, fetch: f.fetch, stdin: "Dash.\n" });
    expect(f.requests.map((r) => body(r).rawJobDescription)).toEqual([
      "Podcast Transcription\n\nWe need 4 Norwegian speakers.",
      "From stdin.",
      "Dash.",
    ]);
  });

  it("refuses missing, empty, conflicting or mixed sources without calling the server", async () => {
    const f = created();
    const cases: [string[], RegExp, { tty?: boolean; stdin?: string }?][] = [
      [[], /no job description: give --description/, { tty: true }],
      [[], /the job description is empty/, { stdin: "  \n" }],
      [["--description", "a", "--text", "b"], /--description and --text differ/],
      [["--description", "a", "--import-file", "x.xml"], /give only one of --description, --import-file/],
      [["--canonical-file", "a.json", "--import-file", "x.xml"], /give only one of --canonical-file, --import-file/],
      [["--format", "hr_xml", "--description", "a"], /--format goes with --import-file/],
      [["--format", "pdf", "--import-file", "x.xml"], /Allowed choices are/],
      [["--description", "x".repeat(60_001)], /--description: /],
      [["--import-file", join(files, "nope.xml")], /cannot read/],
    ];
    for (const [args, message, opts] of cases) {
      const r = await runCli(["jobs", "draft", "create", ...args], { env, fetch: f.fetch, ...(opts ?? {}) });
      expect(r.code, args.join(" ")).toBe(EXIT_CODES.USAGE);
      expect(r.stderr, args.join(" ")).toMatch(message);
    }
    expect(f.requests).toHaveLength(0);
  });

  it("sends an import file in its inferred format, and a canonical file", async () => {
    const f = created();
    const xml = file("feed.xml", "<source><job><title>Boxes</title></job></source>");
    const posting = file("posting.json", JSON.stringify({ "@type": "JobPosting", title: "P" }));
    const canonical = file(
      "job.json",
      JSON.stringify({ format: "opentrain_canonical", job: { title: "C" }, externalId: "from-file" }),
    );
    await runCli(["jobs", "draft", "create", "--import-file", xml], { env, fetch: f.fetch });
    await runCli(["jobs", "draft", "create", "--import-file", xml, "--format", "hr_xml", "--idempotency-key", "k"], {
      env,
      fetch: f.fetch,
    });
    await runCli(["jobs", "draft", "create", "--import-file", posting], { env, fetch: f.fetch });
    await runCli(["jobs", "draft", "create", "--canonical-file", canonical, "--title", "Renamed"], {
      env,
      fetch: f.fetch,
    });
    await runCli(["jobs", "draft", "create", "--canonical-file", canonical, "--external-id", "flag-wins"], {
      env,
      fetch: f.fetch,
    });
    expect(f.requests.map(body)).toEqual([
      { format: "indeed_xml", xml: "<source><job><title>Boxes</title></job></source>" },
      { format: "hr_xml", xml: "<source><job><title>Boxes</title></job></source>", idempotencyKey: "k" },
      { format: "schema_org_job_posting", jsonLd: { "@type": "JobPosting", title: "P" } },
      { format: "opentrain_canonical", job: { title: "Renamed" }, externalId: "from-file" },
      { format: "opentrain_canonical", job: { title: "C" }, externalId: "flag-wins" },
    ]);
    const title = await runCli(["jobs", "draft", "create", "--import-file", xml, "--title", "T"], {
      env,
      fetch: f.fetch,
    });
    expect(title.code).toBe(2);
    expect(title.stderr).toContain("--title goes with a plain-text description or --canonical-file");
  });
});

describe("jobs draft update", () => {
  it("sends typed --set values and --patch-file fields, then prints the refreshed report", async () => {
    const f = fakeFetch(() => ({
      status: 200,
      body: draft({
        missingFields: [PER_LABEL],
        validation: { ...draft().validation, missingFieldCount: 1, missingFields: ["pricePerLabel"] },
      }),
    }));
    const patchFile = file("answers.json", JSON.stringify({ countries: ["de"], visibility: "public" }));
    const r = await runCli(
      [
        "jobs",
        "draft",
        "update",
        "job_1",
        "--set",
        "experienceLevel=intermediate",
        "--set",
        "headcount=4",
        "--set",
        "languages=Norwegian,Swedish",
        "--set",
        "budgetRange=15-20",
        "--set",
        "labelingSoftware=null",
        "--patch-file",
        patchFile,
      ],
      { env, fetch: f.fetch },
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(f.requests[0]!.method).toBe("PATCH");
    expect(f.requests[0]!.url.pathname).toBe("/api/public/v1/job-drafts/job_1");
    expect(body(f.requests[0]!)).toEqual({
      countries: ["de"],
      visibility: "PUBLIC",
      experienceLevel: "INTERMEDIATE",
      headcount: 4,
      languages: ["Norwegian", "Swedish"],
      budgetRange: { min: 15, max: 20 },
      labelingSoftware: null,
    });
    expect(r.stdout).toContain("Updated draft job_1.");
    expect(r.stdout).toContain("  1. What is the per-label rate (USD)? (pricePerLabel: number, e.g. 0.05)");
    expect(r.stdout).toContain("opentrain jobs draft update job_1 --set pricePerLabel=<number>");
  });

  it("takes the id from --job-id and prints --json unchanged", async () => {
    const f = fakeFetch(() => ({ status: 200, body: READY }));
    const r = await runCli(["jobs", "draft", "update", "--job-id", "job_9", "--set", "pricePerLabel=0.05", "--json"], {
      env,
      fetch: f.fetch,
    });
    expect(f.requests[0]!.url.pathname).toBe("/api/public/v1/job-drafts/job_9");
    expect(JSON.parse(r.stdout)).toEqual(READY);
  });

  it("refuses unknown keys, bad values, no changes and a missing id without calling the server", async () => {
    const f = fakeFetch(() => ({ status: 200, body: READY }));
    const cases: [string[], string | RegExp][] = [
      [
        ["job_1", "--set", "experiencLevel=EXPERT"],
        'Usage error: unknown field "experiencLevel" in --set; did you mean experienceLevel?',
      ],
      [
        ["job_1", "--set", "experienceLevel=senior"],
        /--set experienceLevel: "senior" is not allowed; use one of EXPERT/,
      ],
      [["job_1", "--set", "headcount=2.5"], '--set headcount: "2.5" is not a whole number'],
      [
        ["job_1", "--set", "budgetRange=20-10"],
        "--set budgetRange (min): budgetRange.min must not exceed budgetRange.max",
      ],
      [["job_1", "--set", "countries=ZZ"], /--set countries \(0\): Not an ISO 3166-1 alpha-2 country code/],
      [["job_1", "--set", "jobTitle="], /--set jobTitle: /],
      [["job_1"], "nothing to change: give --set key=value"],
      [["--set", "headcount=2"], "missing <jobId>: give it as an argument or with --job-id <jobId>"],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(["jobs", "draft", "update", ...args], { env, fetch: f.fetch });
      expect(r.code, args.join(" ")).toBe(EXIT_CODES.USAGE);
      if (typeof message === "string") expect(r.stderr, args.join(" ")).toContain(message);
      else expect(r.stderr, args.join(" ")).toMatch(message);
    }
    expect(f.requests).toHaveLength(0);
  });

  it("points a live job at update-published (409 job_not_draft)", async () => {
    const f = fakeFetch(() => ({
      status: 409,
      body: {
        error: "Job job_1 is OPEN, not a DRAFT.",
        code: "CONFLICT",
        requestId: "req_1",
        details: { reason: "job_not_draft", jobId: "job_1", status: "OPEN", requiredStatus: "DRAFT" },
      },
    }));
    const r = await runCli(["jobs", "draft", "update", "job_1", "--set", "headcount=2"], { env, fetch: f.fetch });
    expect(r.code).toBe(EXIT_CODES.CONFLICT);
    expect(r.stderr).toContain("Error (409 CONFLICT): Job job_1 is OPEN, not a DRAFT.");
    expect(r.stderr).toContain(
      'Job job_1 is live: edit it with "opentrain jobs update-published job_1 --set key=value".',
    );
  });
});

describe("jobs update-published", () => {
  const blocked = {
    error: "Moderation blocked this edit: contact_details: jobDescription contains an email address (x@example.com).",
    code: "CONFLICT",
    requestId: "req_2",
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

  it("reports a moderation block: reasons, what to fix, how to republish, exit 7", async () => {
    const f = fakeFetch(() => ({ status: 409, body: blocked }));
    const r = await runCli(
      ["jobs", "update-published", "job_1", "--set", "jobDescription=Contact me at x@example.com"],
      { env, fetch: f.fetch },
    );
    expect(r.code).toBe(7);
    expect(f.requests[0]!.method).toBe("PATCH");
    expect(f.requests[0]!.url.pathname).toBe("/api/public/v1/jobs/job_1");
    expect(body(f.requests[0]!)).toEqual({ jobDescription: "Contact me at x@example.com" });
    expect(r.stdout).toBe("");
    const lines = r.stderr.split("\n");
    expect(lines[0]).toBe(`Error (409 CONFLICT): ${blocked.error}`);
    expect(lines[1]).toBe(`Details: ${JSON.stringify(blocked.details)}`);
    expect(r.stderr).toContain(
      "Moderation blocked this edit. The edit was saved and job job_1 is back in DRAFT: it is off the marketplace until you publish it again.",
    );
    expect(r.stderr).toContain(
      "Reasons:\n  - contact_details: jobDescription contains an email address (x@example.com)",
    );
    expect(r.stderr).toContain(
      "What to fix:\n  - Remove the email address from jobDescription; candidates reach you through OpenTrain messages.",
    );
    expect(r.stderr).toContain(
      '  opentrain jobs draft update job_1 --set jobDescription="<text>"\n  opentrain jobs publish job_1',
    );
    // --json: the standard error lines only, same exit code.
    const json = await runCli(["jobs", "update-published", "job_1", "--set", "jobTitle=x", "--json"], {
      env,
      fetch: f.fetch,
    });
    expect(json.code).toBe(7);
    expect(json.stderr.trimEnd().split("\n")).toHaveLength(2);
  });

  it("says the edit passed", async () => {
    const ok = { ok: true, jobId: "job_1", status: "OPEN", moderation: { decision: "ALLOW", reasons: [] } };
    const f = fakeFetch(() => ({ status: 200, body: ok }));
    const r = await runCli(["jobs", "update-published", "job_1", "--set", "pricePerHour=20"], { env, fetch: f.fetch });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("Updated job job_1: still OPEN (moderation: ALLOW).\nChanged: pricePerHour\n");
    const json = await runCli(["jobs", "update-published", "job_1", "--set", "pricePerHour=20", "--json"], {
      env,
      fetch: f.fetch,
    });
    expect(JSON.parse(json.stdout)).toEqual(ok);
  });
});

describe("jobs publish and close", () => {
  it("prints status, URL, warnings, and the already-published note", async () => {
    const published = {
      ok: true,
      jobId: "job_1",
      status: "OPEN",
      alreadyPublished: false,
      jobUrl: `${BASE}/jobs/podcast-job_1`,
      publishAttemptId: "pub_1",
      warnings: ["Set headcount to say how many AI trainers you want to hire."],
      sideEffects: { dispatched: true, status: "queued" },
    };
    const f = fakeFetch(() => ({ status: 200, body: published }));
    const r = await runCli(["jobs", "publish", "job_1"], { env, fetch: f.fetch });
    expect(f.requests[0]!.url.pathname).toBe("/api/public/v1/jobs/job_1/publish");
    expect(r.stdout).toContain("Published job job_1.");
    expect(r.stdout).toMatch(/^Status:\s+OPEN$/m);
    expect(r.stdout).toMatch(new RegExp(`^Job URL:\\s+${BASE}/jobs/podcast-job_1$`, "m"));
    expect(r.stdout).toContain("  - Set headcount to say how many AI trainers you want to hire.");
    const again = fakeFetch(() => ({ status: 200, body: { ...published, alreadyPublished: true, warnings: [] } }));
    const r2 = await runCli(["jobs", "publish", "--job-id", "job_1"], { env, fetch: again.fetch });
    expect(r2.stdout).toContain("Job job_1 was already published; nothing changed.");
    expect(r2.stdout).not.toContain("Warnings");
  });

  it("lists the open questions when the draft is not ready (400, exit 6)", async () => {
    const f = fakeFetch(() => ({
      status: 400,
      body: {
        error: "The draft is not ready to publish.",
        code: "BAD_REQUEST",
        requestId: "req_3",
        details: {
          reason: "not_publish_ready",
          jobId: "job_1",
          validation: draft().validation,
          missingFields: [EXPERIENCE],
        },
      },
    }));
    const r = await runCli(["jobs", "publish", "job_1"], { env, fetch: f.fetch });
    expect(r.code).toBe(6);
    expect(r.stderr).toContain("Job job_1 is not ready to publish. Answer these first:");
    expect(r.stderr).toContain("opentrain jobs draft update job_1 --set experienceLevel=<value>");
  });

  it("closes, and says when it was already closed", async () => {
    const f = fakeFetch(() => ({
      status: 200,
      body: { ok: true, jobId: "job_1", status: "ARCHIVED", alreadyClosed: false },
    }));
    const r = await runCli(["jobs", "close", "job_1"], { env, fetch: f.fetch });
    expect(f.requests[0]!.url.pathname).toBe("/api/public/v1/jobs/job_1/close");
    expect(r.stdout).toMatch(/^Closed job job_1: status ARCHIVED\./);
    const again = fakeFetch(() => ({
      status: 200,
      body: { ok: true, jobId: "job_1", status: "ARCHIVED", alreadyClosed: true },
    }));
    expect((await runCli(["jobs", "close", "job_1"], { env, fetch: again.fetch })).stdout).toContain("already closed");
  });
});

describe("jobs list and search", () => {
  const mine = {
    jobs: [
      {
        id: "job_2",
        title: "Norwegian Podcast Transcription",
        status: "DRAFT",
        published: true,
        acceptingApplicants: false,
        createdAt: "2026-01-02T09:00:00.000Z",
        updatedAt: "2026-01-02T10:00:00.000Z",
        jobUrl: `${BASE}/jobs/job_2`,
        proposalCounts: { total: 3, unreviewed: 1 },
      },
    ],
    nextCursor: "cur_2",
  };

  it("lists own jobs as a table with the next-page command", async () => {
    const f = fakeFetch(() => ({ status: 200, body: mine }));
    const r = await runCli(["jobs", "list", "--status", "DRAFT", "--limit", "1"], { env, fetch: f.fetch });
    expect(r.code).toBe(0);
    expect(f.requests[0]!.url.pathname).toBe("/api/public/v1/jobs/mine");
    expect(f.requests[0]!.url.search).toBe("?status=DRAFT&limit=1");
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("ID\tSTATUS\tTITLE\tPROPOSALS\tUPDATED");
    expect(lines[1]).toBe("job_2\tDRAFT\tNorwegian Podcast Transcription\t3 (1 new)\t2026-01-02T10:00:00.000Z");
    expect(r.stdout).toContain("Next page: opentrain jobs list --status DRAFT --limit 1 --cursor cur_2");
    const json = await runCli(["jobs", "list", "--json"], { env, fetch: f.fetch });
    expect(JSON.parse(json.stdout)).toEqual(mine);
    const empty = fakeFetch(() => ({ status: 200, body: { jobs: [], nextCursor: null } }));
    expect((await runCli(["jobs", "list"], { env, fetch: empty.fetch })).stdout).toContain("No jobs yet.");
  });

  it("searches without a token: words as the query, filters, a table and the next-page command", async () => {
    const job = {
      id: "job_3",
      title: "Norwegian Podcast Transcription",
      category: "Audio Annotation",
      languages: ["Norwegian", "Swedish"],
      pay: {
        paymentType: "PAY_PER_HOUR",
        currency: "USD",
        hourlyRate: 18,
        hourlyMin: null,
        hourlyMax: null,
        fixedPrice: null,
        perLabelRate: null,
      },
    };
    const f = fakeFetch(() => ({
      status: 200,
      body: { jobs: [job], nextCursor: "c2", generatedAt: "2026-01-01T00:00:00.000Z" },
    }));
    const noToken = { ...cfg.env, OT_API_BASE_URL: BASE };
    const r = await runCli(
      ["jobs", "search", "podcast", "audio", "--language", "Norwegian", "--pay-type", "PAY_PER_HOUR", "--limit", "1"],
      { env: noToken, fetch: f.fetch, tty: true },
    );
    expect(r.stderr).toBe("");
    expect(f.requests[0]!.headers.authorization).toBeUndefined();
    expect(Object.fromEntries(f.requests[0]!.url.searchParams)).toEqual({
      q: "podcast audio",
      language: "Norwegian",
      payType: "PAY_PER_HOUR",
      limit: "1",
    });
    const lines = r.stdout.split("\n");
    expect(lines[0]).toMatch(/^ID\s+TITLE\s+CATEGORY\s+PAY\s+LANGUAGES$/);
    expect(lines[1]).toMatch(
      /^job_3\s+Norwegian Podcast Transcription\s+Audio Annotation\s+\$18\/h\s+Norwegian, Swedish$/,
    );
    expect(r.stdout).toContain(
      "Next page: opentrain jobs search 'podcast audio' --language Norwegian --pay-type PAY_PER_HOUR --limit 1 --cursor c2",
    );
    const conflict = await runCli(["jobs", "search", "a", "--q", "b"], { env: noToken, fetch: f.fetch });
    expect(conflict.code).toBe(2);
    const none = fakeFetch(() => ({ status: 200, body: { jobs: [], nextCursor: null, generatedAt: "x" } }));
    expect((await runCli(["jobs", "search", "zzz"], { env: noToken, fetch: none.fetch })).stdout).toBe(
      "No open jobs match.\n",
    );
  });
});
