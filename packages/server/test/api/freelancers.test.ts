import {
  contractFreelancerSchema,
  freelancerProfileSchema,
  maskedCandidateSchema,
  operations,
  sandboxTrainerPageSchema,
} from "@opentrain-ai/contract";
import { http, registerAgent, sandbox, startTestServer, type TestServer } from "@opentrain-ai/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyBaseLogger } from "fastify";
import { generateSeedTrainers, SANDBOX_TRAINER_COUNT, type SeedTrainer } from "../../src/sandbox/trainers/generate.js";
import { seedTrainers } from "../../src/sandbox/trainers/seed-trainers.js";
import { FALLBACK_NAME, maskName } from "../../src/services/privacy/mask-name.js";
import { toContractFreelancer, toMaskedCandidate } from "../../src/services/trainers/masked-candidate.js";
import { findContactDetailsIn, findPrivateDataLeaks } from "./leak-scan.js";

let t: TestServer;
let token: string;
/** The seeded pool as the generator made it, private fields included. */
let pool: SeedTrainer[];
/** Every trainer as GET /trainers lists it, and the raw text of every page. */
const listed: any[] = [];
const listPages: string[] = [];
/** Every profile by id, and the raw text of every profile answer (by id and by slug). */
const profiles = new Map<string, any>();
const profileTexts: string[] = [];

const api = (path: string, tok: string | null = token) =>
  http(t.baseUrl, "GET", `/api/public/v1${path}`, { token: tok });

beforeAll(async () => {
  t = await startTestServer();
  token = (await registerAgent(t)).token; // pre-claim: proposals:read is enough
  pool = generateSeedTrainers(t.server.config.sandboxSeed, SANDBOX_TRAINER_COUNT, new Date());
  let cursor: string | null = null;
  do {
    const res = await sandbox(t, "GET", `/trainers?limit=40${cursor ? `&cursor=${cursor}` : ""}`);
    expect(res.status).toBe(200);
    listPages.push(JSON.stringify(res.body));
    listed.push(...res.body.trainers);
    cursor = res.body.nextCursor;
  } while (cursor);
  for (const tr of listed) {
    const byId = await api(`/freelancers/${tr.id}`);
    expect(byId.status).toBe(200);
    profiles.set(tr.id, byId.body.freelancer);
    profileTexts.push(JSON.stringify(byId.body));
    const bySlug = await api(`/freelancers/${tr.profileSlug}`);
    expect(bySlug.body).toEqual(byId.body);
    profileTexts.push(JSON.stringify(bySlug.body));
  }
}, 120_000);
afterAll(() => t?.close());

describe("sandbox trainer pool", () => {
  it("seeds at least 150 varied trainers, deterministically from the seed", () => {
    // The random draw plus the language specialists (three per catalog language and hiring country).
    expect(listed.length).toBe(pool.length);
    expect(listed.length).toBeGreaterThan(SANDBOX_TRAINER_COUNT);
    expect(new Set(listed.map((x) => x.id))).toEqual(new Set(pool.map((p) => p.row.id)));
    expect(new Set(listed.map((x) => x.countryCode)).size).toBeGreaterThanOrEqual(25);
    expect(new Set(listed.flatMap((x) => x.languages.map((l: any) => l.language))).size).toBeGreaterThanOrEqual(20);
    expect(new Set(listed.map((x) => x.experienceLevel))).toEqual(new Set(["ENTRY_LEVEL", "INTERMEDIATE", "EXPERT"]));
    expect(new Set(listed.flatMap((x) => x.dataTypes)).size).toBeGreaterThanOrEqual(8);
    expect(listed.some((x) => x.identityVerified)).toBe(true);
    expect(listed.some((x) => !x.identityVerified)).toBe(true);
    // Same seed, same pool; another seed, another pool.
    const again = generateSeedTrainers(t.server.config.sandboxSeed, SANDBOX_TRAINER_COUNT, new Date(0));
    expect(again.map((p) => [p.row.id, p.row.slug, p.row.bio])).toEqual(
      pool.map((p) => [p.row.id, p.row.slug, p.row.bio]),
    );
    const other = generateSeedTrainers("another-seed", 5, new Date());
    expect(other[0]!.row.id).not.toBe(pool[0]!.row.id);
  });

  it("plants contact details in some bios and reviews, as real users do", () => {
    expect(pool.filter((p) => p.planted.length > 0).length).toBeGreaterThanOrEqual(15);
    expect(pool.some((p) => maskName(p.row.firstName, p.row.lastName).displayName === FALLBACK_NAME)).toBe(true);
  });

  it("seeds once: a second run (another process) inserts nothing", async () => {
    const s = t.server;
    const ctx = { db: s.database.db, clock: s.clock, config: s.config, log: s.app.log as FastifyBaseLogger };
    await expect(Promise.all([seedTrainers(ctx, { seed: "x" }), seedTrainers(ctx, { seed: "y" })])).resolves.toEqual([
      0, 0,
    ]);
    const res = await sandbox(t, "GET", "/trainers?limit=100");
    expect(res.body.trainers[0].id).toBe(listed[0].id);
  });
});

describe("GET /api/sandbox/v1/trainers", () => {
  it("pages through every trainer in id order with the shared cursor", async () => {
    for (const page of listPages) expect(() => sandboxTrainerPageSchema.parse(JSON.parse(page))).not.toThrow();
    const ids = listed.map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    const first = await sandbox(t, "GET", "/trainers");
    expect(first.body.trainers).toHaveLength(20);
    expect(first.body.trainers.map((x: any) => x.id)).toEqual(ids.slice(0, 20));
    const paged: string[] = [];
    let cursor: string | null = null;
    let last: any;
    do {
      last = await sandbox(t, "GET", `/trainers?limit=100${cursor ? `&cursor=${cursor}` : ""}`);
      paged.push(...last.body.trainers.map((x: any) => x.id));
      cursor = last.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(ids);
    expect(last.body.trainers.length).toBeLessThanOrEqual(100);
  });

  it("shows the unmasked id with the masked name", () => {
    const byId = new Map(pool.map((p) => [p.row.id, p.row]));
    for (const x of listed) {
      const row = byId.get(x.id)!;
      expect({ displayName: x.displayName, firstName: x.firstName, lastNameInitial: x.lastNameInitial }).toEqual(
        maskName(row.firstName, row.lastName),
      );
      expect(x.profilePath).toBe(`/profile/${x.profileSlug}`);
    }
  });

  it.each([
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["limit=ten", "limit"],
    ["cursor=not-a-cursor", "cursor"],
  ])("refuses %s with a 400", async (query, field) => {
    const res = await sandbox(t, "GET", `/trainers?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("BAD_REQUEST");
    expect(JSON.stringify(res.body)).toContain(field);
  });

  it("needs the sandbox secret", async () => {
    const res = await http(t.baseUrl, "GET", "/api/sandbox/v1/trainers", { token });
    expect(res.status).toBe(401);
  });
});

describe("GET /api/public/v1/freelancers/{idOrSlug}", () => {
  it("answers the contract's profile shape, exactly its keys", () => {
    const keys = Object.keys(freelancerProfileSchema.shape).sort();
    for (const [id, p] of profiles) {
      const parsed = operations.freelancersGet.output.safeParse({ freelancer: p });
      expect(parsed.success, `${id}: ${parsed.error?.message}`).toBe(true);
      expect(Object.keys(p).sort()).toEqual(keys);
      expect(p.id).toBe(id);
      expect(p.profilePath).toBe(`/profile/${p.profileSlug}`);
      expect(p.talentType).toBe("FREELANCER");
      expect(p.agency).toBeNull();
    }
  });

  it("masks every name to first name + last initial, with the Freelancer fallback", () => {
    const byId = new Map(pool.map((p) => [p.row.id, p.row]));
    let fallbacks = 0;
    for (const [id, p] of profiles) {
      const row = byId.get(id)!;
      const expected = maskName(row.firstName, row.lastName);
      expect({ displayName: p.displayName, firstName: p.firstName, lastNameInitial: p.lastNameInitial }).toEqual(
        expected,
      );
      if (p.displayName === FALLBACK_NAME) {
        fallbacks++;
        expect(p.lastNameInitial).toBe("");
      } else {
        expect(p.displayName).toMatch(/^\S.* \p{Lu}\.$/u);
        expect(p.lastNameInitial).toBe(`${row.lastName.trim()[0]!.toUpperCase()}.`);
      }
    }
    expect(fallbacks).toBeGreaterThan(0);
  });

  it("matches the seeded record: stats, reviews, rates (hourly only), verification", () => {
    for (const { row, reviews } of pool) {
      const p = profiles.get(row.id);
      expect(p.hourlyRateUsd).toBe(row.hourlyRateCents! / 100);
      expect(p.expertiseLevel).toBe(row.experienceLevel);
      expect(p.countryCode).toBe(row.countryCode);
      expect(p.country).toEqual(expect.any(String));
      expect(p.identityVerified).toBe(row.identityVerified);
      expect(p.stats).toEqual({
        totalEarnedUsd: row.totalEarnedCents / 100,
        billedHours: row.billedHours,
        jobSuccessScore: row.jobSuccessScore,
        reviewCount: reviews.length,
        averageRating: row.averageRating,
      });
      expect(p.reviews.map((r: any) => r.id).sort()).toEqual(reviews.map((r) => r.id).sort());
      const dates = p.reviews.map((r: any) => r.createdAt);
      expect([...dates].sort().reverse()).toEqual(dates);
      expect(p.languages).toEqual(row.languages);
      expect(p.skills.labelTypes).toEqual(row.labelTypes);
      expect(p.labelExperience).toHaveLength(row.labelExperience.length);
    }
  });

  it("never shows an email, phone number, legal or last name, planted contact detail or internal field", () => {
    expect(findPrivateDataLeaks(pool, [...listPages, ...profileTexts])).toEqual([]);
  });

  it("has no contact detail left in any text field, and no private or internal key", () => {
    const found: string[] = [];
    for (const [id, p] of profiles) findContactDetailsIn(p, id, {}, found);
    expect(found).toEqual([]);
  });

  it("gives proposals and contracts the same masked identity (for later hiring work)", () => {
    for (const { row } of pool) {
      const p = profiles.get(row.id);
      const candidate = maskedCandidateSchema.parse(toMaskedCandidate(row));
      expect(candidate).toMatchObject({ id: p.id, displayName: p.displayName, profileSlug: p.profileSlug });
      expect(candidate.profileTitle).toBe(p.title);
      const freelancer = contractFreelancerSchema.parse(toContractFreelancer(row));
      expect(freelancer).toEqual({
        userId: p.id,
        displayName: p.displayName,
        country: p.country,
        profilePath: p.profilePath,
      });
      const lastName = new RegExp(
        `(?<![\\p{L}\\p{N}])${row.lastName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`,
        "iu",
      );
      expect(JSON.stringify([candidate, freelancer])).not.toMatch(lastName);
    }
  });

  it("shows planted contact details as redaction markers", () => {
    const withPhone = pool.find((p) => p.row.bio?.includes("WhatsApp:") || p.row.bio?.includes("Call or text"));
    expect(withPhone).toBeDefined();
    expect(profiles.get(withPhone!.row.id).bio).toContain("[phone redacted]");
  });

  it("finds a profile by slug in any case", async () => {
    const p = [...profiles.values()][0];
    const res = await api(`/freelancers/${p.profileSlug.toUpperCase()}`);
    expect(res.status).toBe(200);
    expect(res.body.freelancer.id).toBe(p.id);
  });

  it.each(["ftr_doesNotExist0000000", "no-such-trainer", "usr_notatrainer"])("answers 404 for %s", async (idOrSlug) => {
    const res = await api(`/freelancers/${idOrSlug}`);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({
      code: "NOT_FOUND",
      details: { resource: "freelancers", idOrSlug },
      requestId: expect.any(String),
    });
  });

  it("refuses a blank id with a 400 and an over-long one before routing", async () => {
    const blank = await api(`/freelancers/%20%20`);
    expect(blank.status).toBe(400);
    expect(blank.body.code).toBe("BAD_REQUEST");
    // The router's path-parameter cap equals the schema's 200 characters.
    expect([400, 414]).toContain((await api(`/freelancers/${"a".repeat(201)}`)).status);
  });

  it("needs a token with proposals:read", async () => {
    const id = listed[0].id;
    expect((await api(`/freelancers/${id}`, null)).status).toBe(401);
  });
});

describe("production mode", () => {
  it("has no trainer helpers and no seeded trainers", async () => {
    const prod = await startTestServer({ mode: "production" });
    try {
      const list = await http(prod.baseUrl, "GET", "/api/sandbox/v1/trainers", { token: prod.sandboxSecret });
      expect(list.status).toBe(404);
      const agent = await registerAgent(prod);
      const res = await http(prod.baseUrl, "GET", `/api/public/v1/freelancers/${listed[0].id}`, { token: agent.token });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe("NOT_FOUND");
    } finally {
      await prod.close();
    }
  });
});
