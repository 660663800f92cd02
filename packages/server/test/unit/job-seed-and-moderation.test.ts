import { JOB_FIELDS, type JobFieldKey } from "@opentrain-ai/contract";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { migrate } from "../../src/db/migrate.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { generateSeedJobs, seedMarketplace } from "../../src/sandbox/seed/seed-jobs.js";
import { moderateJob } from "../../src/services/jobs/moderation.js";
import { validateJob } from "../../src/services/jobs/validation.js";
import type { FastifyBaseLogger } from "fastify";

describe("seed generator", () => {
  const jobs = generateSeedJobs("opentrain-sandbox-v1", 240);

  it("is deterministic and varied", () => {
    expect(generateSeedJobs("opentrain-sandbox-v1", 240)).toEqual(jobs);
    expect(new Set(jobs.map((j) => j.id)).size).toBe(240);
    expect(new Set(jobs.map((j) => j.fields.dataType)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(jobs.map((j) => j.fields.paymentType)).size).toBe(3);
    expect(new Set(jobs.flatMap((j) => j.fields.languages ?? [])).size).toBeGreaterThanOrEqual(10);
    expect(new Set(jobs.flatMap((j) => j.fields.countries ?? [])).size).toBeGreaterThanOrEqual(10);
  });

  it("produces valid, publish-ready jobs that pass moderation", () => {
    for (const j of jobs) {
      for (const [key, value] of Object.entries(j.fields)) {
        const parsed = JOB_FIELDS[key as JobFieldKey].schema.safeParse(value);
        expect(parsed.success, `${j.id} ${key}=${JSON.stringify(value)}`).toBe(true);
      }
      expect(validateJob(j.fields).validation.publishReady, j.id).toBe(true);
      expect(moderateJob(j.fields).reasons, `${j.id} ${j.fields.jobTitle}`).toEqual([]);
    }
  });

  it("seeds once when several processes start together (advisory lock + marker)", async () => {
    const database = await openDatabase({ dataDir: "memory", databaseUrl: null });
    try {
      await migrate(database);
      const config = loadConfig({ OPENTRAIN_DATA_DIR: "memory" });
      const ctx = {
        db: database.db,
        clock: { now: () => new Date() },
        config,
        log: createLogger("silent") as unknown as FastifyBaseLogger,
      };
      const results = await Promise.all([1, 2, 3].map(() => seedMarketplace(ctx, { seed: "s", jobs: 50 })));
      expect(results.sort()).toEqual([0, 0, 50]);
    } finally {
      await database.close();
    }
  });
});

const base = {
  jobTitle: "Image labeling",
  jobDescription: "Label images.",
  paymentType: "PAY_PER_HOUR" as const,
  pricePerHour: 12,
};
const rulesOf = (description: string, extra: Record<string, unknown> = {}) =>
  moderateJob({ ...base, jobDescription: description, ...extra }).findings.map((f) => f.rule);

describe("moderation rules", () => {
  it.each([
    ["Send your CV to jobs@acme.io", "contact_details"],
    ["Call me at (212) 555-0147 after 5pm", "contact_details"],
    ["Questions? Text 4155550147", "contact_details"],
    ["Whatsapp: +44 7700 900123", "contact_details"],
    ["Join our Discord: discord.gg/abc123 for tasks", "contact_details"],
    ["Skype id: john.smith77", "contact_details"],
    ["Contact me on WhatsApp for details", "contact_details"],
    ["We pay weekly through PayPal or Venmo.", "off_platform_payment"],
    ["Payout in USDT every Friday.", "off_platform_payment"],
    ["Let's settle outside the platform to save fees.", "off_platform_payment"],
    ["Trainers must pay a $15 deposit before starting.", "off_platform_payment"],
    ["A one-time training fee applies.", "off_platform_payment"],
    ["Do my homework for calculus 101.", "prohibited_work"],
    ["Find someone's home address from photos.", "prohibited_work"],
    ["Secretly monitor employees' chats.", "prohibited_work"],
    ["Write 50 fake product reviews for our store.", "prohibited_work"],
    ["Instructions to 3D-print guns at home.", "prohibited_work"],
  ])("flags %j as %s", (text, rule) => {
    expect(rulesOf(text)).toContain(rule);
  });

  it.each([
    "Label 100 000 images of traffic signs by 2026-03-02.",
    "Annotate 50,000 dashcam frames; 1,000,000,000 tokens in total.",
    "Classify chat logs from our support line into 12 intents.",
    "No registration fee. Paid through OpenTrain milestones.",
    "Track each person across video frames and keep their ID.",
    "Transcribe audio signal 16 kHz recordings from call centers.",
    "Draw boxes around weapons in airport X-ray scans for a threat detection model.",
    "Label corn stalks and leaves in drone photos.",
    "Build a bomb detection dataset from luggage scans.",
    "Write our unit tests in TypeScript for the evaluation harness.",
    "Tag content as nudity, violence or safe for a moderation model.",
  ])("allows %j", (text) => {
    expect(rulesOf(text)).toEqual([]);
  });

  it("applies the pay floors: $3/hour, $0.001/label, $5 fixed", () => {
    expect(moderateJob({ ...base, pricePerHour: 2.99 }).decision).toBe("BLOCK");
    expect(moderateJob({ ...base, pricePerHour: 3 }).decision).toBe("ALLOW");
    expect(moderateJob({ ...base, paymentType: "PAY_PER_LABEL", pricePerLabel: 0.0009 }).decision).toBe("BLOCK");
    expect(moderateJob({ ...base, paymentType: "PAY_PER_LABEL", pricePerLabel: 0.001 }).decision).toBe("ALLOW");
    expect(moderateJob({ ...base, paymentType: "FIXED_PRICE", fixedPrice: 4 }).decision).toBe("BLOCK");
    expect(moderateJob({ ...base, budgetRange: { min: 2, max: 10 } }).findings[0]).toMatchObject({
      rule: "pay_below_floor",
      field: "budgetRange",
    });
  });

  it("names the field and a fix for each finding", () => {
    const r = moderateJob({ ...base, jobTitle: "Email ann@example.com", labelingOverview: "Pay via Zelle" });
    expect(r.decision).toBe("BLOCK");
    expect(r.findings.map((f) => f.field).sort()).toEqual(["jobTitle", "labelingOverview"]);
    for (const f of r.findings) expect(f.fix.length).toBeGreaterThan(10);
    expect(r.reasons).toHaveLength(r.findings.length);
  });
});
