import { describe, expect, it } from "vitest";
import { planApplications } from "../../src/sandbox/simulator/plan.js";
import { SEED_LANGUAGES, SEED_TEMPLATES } from "../../src/sandbox/seed/templates.js";
import { generateSeedTrainers, SANDBOX_TRAINER_COUNT } from "../../src/sandbox/trainers/generate.js";
import type { JobRow } from "../../src/services/jobs/fields.js";

const NOW = new Date("2026-06-01T12:00:00.000Z");
const DAY_MINUTES = 24 * 60;

/**
 * Every kind of job the seeded catalog posts, in each of its languages, anywhere or in each
 * country it hires that language in, for every label set, level and payment type, at the
 * middle and the lower third of the catalog's pay range.
 */
function catalogJobs(): { name: string; job: JobRow }[] {
  const out: { name: string; job: JobRow }[] = [];
  for (const template of SEED_TEMPLATES) {
    const languages = template.languageBound ? SEED_LANGUAGES : SEED_LANGUAGES.filter((l) => l.name === "English");
    for (const language of languages) {
      const countryLists = [[], ...(template.languageBound ? language.countries.map((c) => [c]) : [])];
      for (const labelTypes of template.labelTypes)
        for (const [experienceLevel] of template.experience)
          for (const pay of template.pay)
            for (const at of [0.33, 0.5])
              for (const countries of countryLists) {
                const micros = Math.round((pay.min + (pay.max - pay.min) * at) * 1_000_000);
                const job = {
                  id: "job_coverage",
                  status: "OPEN",
                  visibility: "PUBLIC",
                  title: `${template.titles[0]} (${language.name})`,
                  dataType: template.dataType,
                  subjectMatter: template.domains[0]!,
                  labelingSoftware: template.tools[0]!,
                  headcount: 3,
                  experienceLevel,
                  paymentType: pay.type,
                  pricePerHourMicros: pay.type === "PAY_PER_HOUR" ? micros : null,
                  pricePerLabelMicros: pay.type === "PAY_PER_LABEL" ? micros : null,
                  fixedPriceMicros: pay.type === "FIXED_PRICE" ? micros : null,
                  languages: [language.name],
                  countries,
                  labelTypes,
                  details: {},
                  publishedAt: NOW,
                } as unknown as JobRow;
                out.push({
                  name: `${job.title} [${labelTypes.join("+")}] ${experienceLevel} ${pay.type} ${micros / 1e6} in ${countries.join(",") || "any country"}`,
                  job,
                });
              }
    }
  }
  return out;
}

describe("applicants for every reasonable catalog job", () => {
  const jobs = catalogJobs();

  it.each(["opentrain-sandbox-v1", "coverage-seed-2", "coverage-seed-3"])(
    "with seed %s, each gets an applicant within 24 virtual hours",
    (seed) => {
      const pool = generateSeedTrainers(seed, SANDBOX_TRAINER_COUNT, NOW).map((p) => p.row);
      const active = pool.filter((t) => t.status === "ACTIVE");
      const without: string[] = [];
      for (const { name, job } of jobs) {
        // The simulator's candidate query: ACTIVE, speaks one of the languages, lives in one of the countries.
        const candidates = active.filter(
          (t) =>
            t.languageNames.some((l) => job.languages.includes(l)) &&
            (job.countries.length === 0 || job.countries.includes(t.countryCode!)),
        );
        const plan = planApplications(job, candidates, `${seed}|${name}`);
        if (!plan.some((p) => p.delayMinutes <= DAY_MINUTES)) without.push(name);
      }
      expect(jobs.length).toBeGreaterThan(4000);
      expect(without).toEqual([]);
    },
  );
});
