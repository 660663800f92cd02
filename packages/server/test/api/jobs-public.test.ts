import { JOB_CATEGORIES, PAYMENT_TYPES, operations } from "@opentrain-ai/contract";
import { claimedAgent, http, startTestServer, type ClaimedAgent, type TestServer } from "@opentrain-ai/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiOf, createOpenJob, createReadyDraft } from "./jobs-helpers.js";

/** A sandbox server with the seeded marketplace (default seed, 240 jobs). */
let t: TestServer;
let api: ReturnType<typeof apiOf>;
let employer: ClaimedAgent;

beforeAll(async () => {
  t = await startTestServer();
  api = apiOf(t);
  employer = await claimedAgent(t, { agent_name: "Public employer", organization_name: "Zephyr Data Co" });
});
afterAll(() => t?.close());

const CACHE = "public, s-maxage=300, stale-while-revalidate=3600";

describe("GET /jobs", () => {
  it("lists OPEN public jobs as public job objects, newest first", async () => {
    const res = await api("GET", "/jobs?limit=100", null);
    expect(res.status).toBe(200);
    expect(operations.jobsSearch.output.safeParse(res.body).success).toBe(true);
    expect(res.body.jobs).toHaveLength(100);
    expect(res.body.nextCursor).toEqual(expect.any(String));
    const dates = res.body.jobs.map((j: { datePosted: string }) => j.datePosted);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it("pages through the whole marketplace without repeats", async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const page = await api("GET", `/jobs?limit=100${q}`, null);
      for (const j of page.body.jobs) {
        expect(seen.has(j.id)).toBe(false);
        seen.add(j.id);
      }
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(seen.size).toBeGreaterThanOrEqual(240);
  });

  it("shapes the public job object exactly as the spec shows it", async () => {
    const jobId = await createOpenJob(t, employer.token, {
      title: "German Audio Transcription",
      description: "Transcribe short German clips.\n\n- Verbatim\n- With timestamps",
      languages: ["German"],
      countries: [],
      labelTypes: ["Transcription"],
      dataType: "Audio",
      experienceLevel: "ENTRY_LEVEL",
      tools: undefined,
      rateAmount: 15,
    });
    const res = await api("GET", `/jobs/${jobId}`, null);
    expect(res.status).toBe(200);
    expect(operations.jobsGet.output.safeParse(res.body).success).toBe(true);
    expect(Object.keys(res.body).sort()).toEqual(
      [
        "id",
        "slug",
        "title",
        "companyName",
        "descriptionText",
        "descriptionHtml",
        "seoTitle",
        "summary",
        "status",
        "datePosted",
        "validThrough",
        "updatedAt",
        "employmentTypes",
        "countries",
        "languages",
        "category",
        "dataType",
        "labelTypes",
        "labelingSoftware",
        "experienceLevel",
        "skills",
        "pay",
        "url",
        "applyUrl",
      ].sort(),
    );
    expect(res.body).toMatchObject({
      id: jobId,
      slug: "german-audio-transcription",
      title: "German Audio Transcription",
      companyName: "Zephyr Data Co",
      descriptionText: "Transcribe short German clips.\n\n- Verbatim\n- With timestamps",
      descriptionHtml: "<p>Transcribe short German clips.</p><ul><li>Verbatim</li><li>With timestamps</li></ul>",
      status: "OPEN",
      employmentTypes: ["CONTRACTOR"],
      countries: [],
      languages: ["German"],
      category: "Audio Annotation",
      dataType: "Audio",
      labelTypes: ["Transcription"],
      labelingSoftware: null,
      experienceLevel: "Entry Level",
      skills: expect.arrayContaining(["Transcription"]),
      pay: {
        paymentType: "PAY_PER_HOUR",
        currency: "USD",
        hourlyRate: 15,
        hourlyMin: null,
        hourlyMax: null,
        fixedPrice: null,
        perLabelRate: null,
      },
      url: `${t.baseUrl}/jobs/german-audio-transcription-${jobId}`,
      applyUrl: `${t.baseUrl}/api/out?job=${jobId}&src=www_seo`,
    });
    const posted = Date.parse(res.body.datePosted);
    expect(Date.parse(res.body.validThrough) - posted).toBe(56 * 86_400_000);
    const bySlug = await api("GET", `/jobs/german-audio-transcription-${jobId}`, null);
    expect(bySlug.status).toBe(200);
    expect(bySlug.body.id).toBe(jobId);
  });

  it("shows per-label, fixed and ranged hourly pay", async () => {
    const perLabel = await createOpenJob(t, employer.token, { paymentType: "PAY_PER_LABEL", rateAmount: 0.04 });
    const fixed = await createOpenJob(t, employer.token, { paymentType: "FIXED_PRICE", rateAmount: 750 });
    const ranged = await createOpenJob(t, employer.token, { rateAmount: 16, budgetRange: { min: 16, max: 22 } });
    expect((await api("GET", `/jobs/${perLabel}`, null)).body.pay).toMatchObject({
      perLabelRate: 0.04,
      hourlyRate: null,
    });
    expect((await api("GET", `/jobs/${fixed}`, null)).body.pay).toMatchObject({
      fixedPrice: 750,
      paymentType: "FIXED_PRICE",
    });
    expect((await api("GET", `/jobs/${ranged}`, null)).body.pay).toMatchObject({
      hourlyRate: null,
      hourlyMin: 16,
      hourlyMax: 22,
    });
  });

  it("ranks full-text matches with ts_rank: title before description, websearch syntax", async () => {
    const inTitle = await createOpenJob(t, employer.token, {
      title: "Zorblax Sentiment Labeling",
      description: "Label product reviews for sentiment in a tidy spreadsheet.",
    });
    const inBody = await createOpenJob(t, employer.token, {
      title: "Review Sentiment Labeling",
      description: "Label product reviews for the zorblax storefront in a tidy spreadsheet.",
    });
    const twice = await createOpenJob(t, employer.token, {
      title: "Zorblax Zorblax Image Boxes",
      description: "Draw boxes around zorblax gadgets in zorblax catalog photos.",
    });
    const res = await api("GET", "/jobs?q=zorblax", null);
    const ids = res.body.jobs.map((j: { id: string }) => j.id);
    expect(ids).toHaveLength(3);
    expect(ids.indexOf(twice)).toBeLessThan(ids.indexOf(inTitle));
    expect(ids.indexOf(inTitle)).toBeLessThan(ids.indexOf(inBody));
    const minus = await api("GET", `/jobs?q=${encodeURIComponent("zorblax -gadgets")}`, null);
    expect(minus.body.jobs.map((j: { id: string }) => j.id).sort()).toEqual([inTitle, inBody].sort());
    const phrase = await api("GET", `/jobs?q=${encodeURIComponent('"zorblax storefront"')}`, null);
    expect(phrase.body.jobs.map((j: { id: string }) => j.id)).toEqual([inBody]);
    const stemmed = await api("GET", "/jobs?q=labeled%20zorblax", null);
    expect(stemmed.body.jobs.map((j: { id: string }) => j.id).sort()).toEqual([inTitle, inBody].sort());
    // Paging a ranked result keeps the order.
    const first = await api("GET", "/jobs?q=zorblax&limit=2", null);
    const second = await api(
      "GET",
      `/jobs?q=zorblax&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      null,
    );
    expect([...first.body.jobs, ...second.body.jobs].map((j: { id: string }) => j.id)).toEqual(ids);
    expect(second.body.nextCursor).toBeNull();
  });

  it("shows a job in search as soon as it is published and drops it once closed (the ranked-window cache follows the listing)", async () => {
    const before = await api("GET", "/jobs?q=quoxite", null);
    expect(before.body.jobs).toEqual([]);
    const jobId = await createOpenJob(t, employer.token, {
      title: "Quoxite Mineral Photo Tagging",
      description: "Tag quoxite samples in field photos.",
    });
    const found = await api("GET", "/jobs?q=quoxite", null);
    expect(found.body.jobs.map((j: { id: string }) => j.id)).toEqual([jobId]);
    const closed = await api("POST", `/jobs/${jobId}/close`, employer.token, {});
    expect(closed.status).toBe(200);
    const after = await api("GET", "/jobs?q=quoxite", null);
    expect(after.body.jobs).toEqual([]);
  });

  it("ignores a query of stop words only", async () => {
    const res = await api("GET", "/jobs?q=the&limit=5", null);
    expect(res.status).toBe(200);
    expect(res.body.jobs).toHaveLength(5);
  });

  it("filters by category, language, country and payType", async () => {
    const category = await api("GET", "/jobs?category=audio%20annotation&limit=100", null);
    expect(category.body.jobs.length).toBeGreaterThan(0);
    for (const j of category.body.jobs) expect(j.category).toBe("Audio Annotation");
    const language = await api("GET", "/jobs?language=spanish&limit=100", null);
    expect(language.body.jobs.length).toBeGreaterThan(0);
    for (const j of language.body.jobs) expect(j.languages).toContain("Spanish");
    const country = await api("GET", "/jobs?country=de&limit=100", null);
    expect(country.body.jobs.length).toBeGreaterThan(0);
    for (const j of country.body.jobs) expect(j.countries.length === 0 || j.countries.includes("DE")).toBe(true);
    expect(country.body.jobs.some((j: { countries: string[] }) => j.countries.includes("DE"))).toBe(true);
    expect(country.body.jobs.some((j: { countries: string[] }) => j.countries.length === 0)).toBe(true);
    const pay = await api("GET", "/jobs?payType=FIXED_PRICE&limit=100", null);
    expect(pay.body.jobs.length).toBeGreaterThan(0);
    for (const j of pay.body.jobs) expect(j.pay.paymentType).toBe("FIXED_PRICE");
    const unknown = await api("GET", "/jobs?category=Basket%20Weaving", null);
    expect(unknown.body.jobs).toEqual([]);
  });

  it.each([
    ["a bad payType", "?payType=WEEKLY"],
    ["limit over 100", "?limit=101"],
    ["limit 0", "?limit=0"],
    ["a forged cursor", "?cursor=abc"],
  ])("rejects %s with 400", async (_name, query) => {
    const res = await api("GET", `/jobs${query}`, null);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("BAD_REQUEST");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("lists neither drafts, closed nor invite-only jobs", async () => {
    const draft = await createReadyDraft(t, employer.token, { title: "Quuxbright Hidden Draft" });
    const closed = await createOpenJob(t, employer.token, { title: "Quuxbright Closed Job" });
    await api("POST", `/jobs/${closed}/close`, employer.token, {});
    const invite = await createOpenJob(t, employer.token, {
      title: "Quuxbright Invite Job",
      visibility: "INVITE_ONLY",
    });
    const listed = await createOpenJob(t, employer.token, { title: "Quuxbright Listed Job" });
    const res = await api("GET", "/jobs?q=quuxbright", null);
    expect(res.body.jobs.map((j: { id: string }) => j.id)).toEqual([listed]);
    for (const id of [draft, closed, invite]) {
      const one = await api("GET", `/jobs/${id}`, null);
      expect(one.status).toBe(404);
      expect(one.body).toEqual({ id, status: "closed" });
    }
  });
});

describe("GET /jobs/{jobId}", () => {
  it("answers the standard 404 envelope for an unknown id and 400 for an over-long one", async () => {
    const unknown = await api("GET", "/jobs/job_unknown00000000000", null);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: "NOT_FOUND", requestId: expect.any(String) });
    const long = await api("GET", `/jobs/${"x".repeat(65)}`, null);
    expect(long.status).toBe(400);
    expect(long.body.code).toBe("BAD_REQUEST");
  });
});

describe("GET /jobs/facets", () => {
  it("counts open jobs by category, language, country and pay type, sorted by count", async () => {
    const res = await api("GET", "/jobs/facets", null);
    expect(res.status).toBe(200);
    expect(operations.jobsFacets.output.safeParse(res.body).success).toBe(true);
    expect(res.body.totalJobs).toBeGreaterThanOrEqual(240);
    for (const key of ["categories", "languages", "countries", "payTypes"]) {
      const counts = res.body[key].map((b: { count: number }) => b.count);
      expect(counts.length).toBeGreaterThan(0);
      expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    }
    const sum = (key: string) => res.body[key].reduce((s: number, b: { count: number }) => s + b.count, 0);
    expect(sum("categories")).toBe(res.body.totalJobs);
    expect(sum("payTypes")).toBe(res.body.totalJobs);
    expect(res.body.categories.length).toBeGreaterThanOrEqual(8);
    for (const c of res.body.categories) expect(JOB_CATEGORIES).toContain(c.value);
    expect(res.body.payTypes.map((p: { value: string }) => p.value).sort()).toEqual([...PAYMENT_TYPES].sort());
    expect(res.body.languages.length).toBeGreaterThanOrEqual(8);
    expect(res.body.languages[0].value).toBe("English");
    for (const c of res.body.countries) expect(c.value).toMatch(/^[A-Z]{2}$/);
    // Facet counts agree with the filters.
    const lang = res.body.languages[1];
    const filtered = await api("GET", `/jobs?language=${encodeURIComponent(lang.value)}&limit=100`, null);
    expect(filtered.body.jobs.length).toBe(Math.min(100, lang.count));
  });
});

describe("GET /jobs/changes", () => {
  it("reports the latest event per job in the window; until is the next since", async () => {
    const start = await api("GET", `/jobs/changes?since=${encodeURIComponent(new Date().toISOString())}`, null);
    const since = start.body.until;
    const a = await createOpenJob(t, employer.token);
    const b = await createOpenJob(t, employer.token);
    await api("PATCH", `/jobs/${b}`, employer.token, { headcount: 9 });
    const c = await createOpenJob(t, employer.token);
    await api("POST", `/jobs/${c}/close`, employer.token, {});
    const res = await api("GET", `/jobs/changes?since=${encodeURIComponent(since)}`, null);
    expect(res.status).toBe(200);
    expect(operations.jobsChanges.output.safeParse(res.body).success).toBe(true);
    expect(res.body.since).toBe(since);
    const byJob = Object.fromEntries(
      res.body.changes.map((x: { jobId: string; eventType: string }) => [x.jobId, x.eventType]),
    );
    expect(byJob).toEqual({ [a]: "PUBLISHED", [b]: "UPDATED", [c]: "CLOSED" });
    const next = await api("GET", `/jobs/changes?since=${encodeURIComponent(res.body.until)}`, null);
    expect(next.body.changes.filter((x: { jobId: string }) => [a, b, c].includes(x.jobId))).toHaveLength(0);
  });

  it("includes the seeded marketplace's PUBLISHED events and normalises since", async () => {
    const res = await api("GET", "/jobs/changes?since=2000-01-01", null);
    expect(res.body.since).toBe("2000-01-01T00:00:00.000Z");
    expect(res.body.changes.length).toBeGreaterThanOrEqual(240);
  });

  it.each([
    ["a missing since", ""],
    ["an unparseable since", "?since=yesterday"],
  ])("rejects %s with 400", async (_name, query) => {
    const res = await api("GET", `/jobs/changes${query}`, null);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("BAD_REQUEST");
  });
});

describe("CORS and caching of the tokenless routes", () => {
  const paths = ["/jobs", "/jobs/facets", "/jobs/changes?since=2026-01-01", "/jobs/job_unknown"];

  it.each(paths)("GET %s allows any origin", async (path) => {
    const res = await api("GET", path, null, undefined, { origin: "https://example.org" });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    if (res.status === 200) expect(res.headers.get("cache-control")).toBe(CACHE);
  });

  it("caches listings and the bare 404 of an unlisted job", async () => {
    const jobId = await createOpenJob(t, employer.token);
    expect((await api("GET", `/jobs/${jobId}`, null)).headers.get("cache-control")).toBe(CACHE);
    await api("POST", `/jobs/${jobId}/close`, employer.token, {});
    const gone = await api("GET", `/jobs/${jobId}`, null);
    expect(gone.status).toBe(404);
    expect(gone.headers.get("cache-control")).toBe(CACHE);
    expect(gone.headers.get("access-control-allow-origin")).toBe("*");
  });

  it.each(["/jobs", "/jobs/facets", "/jobs/changes", "/jobs/job_abc"])(
    "OPTIONS %s → 204 with CORS headers",
    async (path) => {
      const res = await http(t.baseUrl, "OPTIONS", `/api/public/v1${path}`, {
        headers: {
          origin: "https://example.org",
          "access-control-request-method": "GET",
          "access-control-request-headers": "content-type",
        },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(res.headers.get("access-control-allow-methods")).toContain("GET");
      expect(res.headers.get("access-control-allow-headers")).toBe("content-type");
    },
  );
});

describe("rate limit of the tokenless routes", () => {
  it("answers 429 RATE_LIMITED with Retry-After past the per-IP limit", async () => {
    const limited = await startTestServer({
      env: { OPENTRAIN_PUBLIC_RATE_LIMIT_PER_MINUTE: "3", OPENTRAIN_SANDBOX_SEED_JOBS: "0" },
    });
    try {
      const statuses: number[] = [];
      let last;
      for (const path of ["/jobs", "/jobs/facets", "/jobs/changes?since=2026-01-01", "/jobs/job_x"]) {
        last = await http(limited.baseUrl, "GET", `/api/public/v1${path}`);
        statuses.push(last.status);
      }
      expect(statuses.slice(0, 3).every((s) => s !== 429)).toBe(true);
      expect(statuses[3]).toBe(429);
      expect(last!.body).toMatchObject({ code: "RATE_LIMITED", details: { limit: 3 } });
      expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(last!.headers.get("access-control-allow-origin")).toBe("*");
    } finally {
      await limited.close();
    }
  });
});
