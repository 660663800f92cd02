import { DATA_VOLUME_UNITS, EXPERIENCE_LEVELS, PAYMENT_TYPES } from "@opentrain-ai/contract";
import { describe, expect, it } from "vitest";
import { parseJobDescription } from "../../src/services/job-drafts/parse/index.js";
import { TARGET, TARGET_FIELDS, evaluate, formatTable, listErrors, loadEvalSet } from "./eval-scoring.mjs";

const cases = loadEvalSet();

describe("parser evaluation set", () => {
  it("has at least 40 well-formed cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const ids = new Set<string>();
    for (const c of cases) {
      expect(ids.has(c.id), `duplicate id ${c.id}`).toBe(false);
      ids.add(c.id);
      expect(c.text.trim().length, c.id).toBeGreaterThan(0);
      const e = c.expected as Record<string, unknown>;
      if (e.paymentType) expect(PAYMENT_TYPES, c.id).toContain(e.paymentType);
      if (e.experienceLevel) expect(EXPERIENCE_LEVELS, c.id).toContain(e.experienceLevel);
      if (e.dataVolumeUnit) expect(DATA_VOLUME_UNITS, c.id).toContain(e.dataVolumeUnit);
      const rates = ["pricePerHour", "pricePerLabel", "fixedPrice"].filter((k) => e[k] !== undefined);
      expect(rates.length, c.id).toBeLessThanOrEqual(1);
      for (const code of (e.countries as string[] | undefined) ?? []) expect(code, c.id).toMatch(/^[A-Z]{2}$/);
    }
  });

  it(`meets precision and recall ≥ ${TARGET} on ${TARGET_FIELDS.join(", ")}`, () => {
    const { cases: results, totals } = evaluate((t: string) => parseJobDescription(t), cases);
    const failing = TARGET_FIELDS.filter((f: string) => {
      const t = totals[f];
      return (t.precision ?? 1) < TARGET || (t.recall ?? 1) < TARGET;
    });
    const report = `\n${formatTable(totals)}\n\n${listErrors(results, TARGET_FIELDS).join("\n")}`;
    expect(failing, report).toEqual([]);
  });
});
