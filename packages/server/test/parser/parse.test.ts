import { DATA_VOLUME_UNITS, EXPERIENCE_LEVELS, JOB_UPDATE_KEYS, PAYMENT_TYPES } from "@opentrain-ai/contract";
import { describe, expect, it } from "vitest";
import { parseJobDescription } from "../../src/services/job-drafts/parse/index.js";
import { loadEvalSet } from "./eval-scoring.mjs";

describe("parseJobDescription — spec 20 §7 examples", () => {
  it("five fluent speakers, ~20,000 posts, sentiment, paid per label", () => {
    const r = parseJobDescription(
      "We need five fluent Spanish speakers to label the sentiment of about 20,000 social posts. Paid per label. Prior classification experience helps.",
    );
    expect(r.fields).toMatchObject({
      paymentType: "PAY_PER_LABEL",
      languages: ["Spanish"],
      headcount: 5,
      dataVolume: 20000,
      dataVolumeUnit: "NUMBER_OF_FILES",
    });
    expect(typeof r.fields.jobTitle).toBe("string");
    expect(r.fields.experienceLevel).toBeUndefined();
    expect(r.fields.pricePerLabel).toBeUndefined();
  });

  it("ten experienced annotators, bounding boxes, 50,000 dashcam images, $18/hour, English, ~six weeks", () => {
    const r = parseJobDescription(
      "Looking for ten experienced annotators to draw bounding boxes on 50,000 dashcam images. $18/hour. English required. About six weeks of work.",
    );
    expect(r.fields).toMatchObject({
      headcount: 10,
      paymentType: "PAY_PER_HOUR",
      pricePerHour: 18,
      languages: ["English"],
      labelTypes: ["Bounding Box"],
      dataVolume: 50000,
      projectDuration: "6 weeks",
    });
    expect(r.fields.experienceLevel).toBeUndefined();
    expect(r.derived.currency).toBe("USD");
  });
});

describe("parseJobDescription — contract", () => {
  const all = loadEvalSet();

  it("returns only update keys, canonical enum values and a confidence per key", () => {
    const keys = new Set<string>(JOB_UPDATE_KEYS);
    for (const c of all) {
      const r = parseJobDescription(c.text);
      for (const [k, v] of Object.entries(r.fields)) {
        expect(keys.has(k), `${c.id}: ${k}`).toBe(true);
        expect(v, `${c.id}: ${k}`).not.toBeNull();
        const conf = r.confidence[k];
        expect(conf, `${c.id}: confidence of ${k}`).toBeGreaterThanOrEqual(0);
        expect(conf).toBeLessThanOrEqual(1);
      }
      if (r.fields.paymentType) expect(PAYMENT_TYPES).toContain(r.fields.paymentType);
      if (r.fields.experienceLevel) expect(EXPERIENCE_LEVELS).toContain(r.fields.experienceLevel);
      if (r.fields.dataVolumeUnit) expect(DATA_VOLUME_UNITS).toContain(r.fields.dataVolumeUnit);
      const rateKeys = ["pricePerHour", "pricePerLabel", "fixedPrice"].filter((k) => k in r.fields);
      expect(rateKeys.length, c.id).toBeLessThanOrEqual(1);
      if (rateKeys[0]) {
        const expectedKey = { PAY_PER_HOUR: "pricePerHour", PAY_PER_LABEL: "pricePerLabel", FIXED_PRICE: "fixedPrice" }[
          r.fields.paymentType as string
        ];
        expect(rateKeys[0], c.id).toBe(expectedKey);
        expect(r.fields[rateKeys[0]]).toBeGreaterThan(0);
      }
      if (r.fields.headcount !== undefined) expect(Number.isInteger(r.fields.headcount)).toBe(true);
      for (const code of (r.fields.countries as string[] | undefined) ?? []) expect(code).toMatch(/^[A-Z]{2}$/);
      expect(r.fields.jobDescription).toBe(c.text.trim());
      expect(Array.isArray(r.derived.skills)).toBe(true);
      if (r.derived.deadline) expect(r.derived.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (r.derived.currency) expect(r.derived.currency).toMatch(/^[A-Z]{3}$/);
    }
  });

  it("is deterministic and does not keep state between calls", () => {
    for (const c of all.slice(0, 10)) {
      const a = parseJobDescription(c.text);
      parseJobDescription(all[all.length - 1]?.text ?? "");
      expect(parseJobDescription(c.text)).toEqual(a);
    }
  });

  it("always writes a title; opts.title wins", () => {
    const text = "label cars in 5,000 images with bounding boxes, $0.03 per box";
    const generated = parseJobDescription(text);
    expect(generated.fields.jobTitle).toBe("Image Bounding Box Annotation");
    expect(generated.confidence.jobTitle).toBeLessThan(0.6);
    expect(generated.warnings.join(" ")).toMatch(/generated/);
    const given = parseJobDescription(text, { title: "  Car Boxes  " });
    expect(given.fields.jobTitle).toBe("Car Boxes");
    expect(given.confidence.jobTitle).toBe(1);
  });

  it("handles empty and odd input without throwing", () => {
    for (const t of ["", "   \n\t ", "$", "#", "€€€ 1.2.3", "🚗🚗🚗", "\u0000\u0001", "x".repeat(70_000)]) {
      const r = parseJobDescription(t);
      expect(r.derived).toBeDefined();
    }
    expect(parseJobDescription("").fields).toEqual({});
    expect(parseJobDescription(undefined as unknown as string).fields).toEqual({});
  });

  it("reports the range rule and the currency in warnings", () => {
    const r = parseJobDescription("German transcription\n\nTranscribe calls. €15–18 per hour.");
    expect(r.fields.pricePerHour).toBe(15);
    expect(r.derived.payRange).toEqual({ min: 15, max: 18 });
    expect(r.derived.currency).toBe("EUR");
    expect(r.warnings.some((w) => w.includes("lower bound 15"))).toBe(true);
    expect(r.warnings.some((w) => w.includes("EUR; stored as-is"))).toBe(true);
    expect(r.confidence.pricePerHour).toBeLessThan(0.6);
  });

  it("parses a 10 KB post quickly (the bench measures precisely)", () => {
    let big = "";
    for (let i = 0; big.length < 10_240; i++) big += `${all[i % all.length]?.text}\n\n`;
    big = big.slice(0, 10_240);
    parseJobDescription(big);
    const t0 = performance.now();
    for (let i = 0; i < 10; i++) parseJobDescription(big);
    // generous bound for a loaded CI machine; idle it is a few milliseconds
    expect((performance.now() - t0) / 10).toBeLessThan(50);
  });
});
