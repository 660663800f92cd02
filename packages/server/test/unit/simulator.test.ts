import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TrainerRow } from "../../src/db/schema.js";
import { generateApplication, simulatedBidMicros } from "../../src/sandbox/simulator/application.js";
import { scoreFit } from "../../src/sandbox/simulator/fit.js";
import { decideInvite } from "../../src/sandbox/simulator/invite-decision.js";
import { APPLICATION_WINDOW_MINUTES, maxApplicants, planApplications } from "../../src/sandbox/simulator/plan.js";
import { simulationSeed } from "../../src/sandbox/simulator/seed.js";
import { labelKey, sameLabel } from "../../src/sandbox/simulator/text.js";
import { Prng } from "../../src/sandbox/seed/prng.js";
import { generateSeedTrainers } from "../../src/sandbox/trainers/generate.js";
import { stripControlMarkers } from "../../src/services/privacy/control-markers.js";
import { findContactDetails } from "../../src/services/privacy/sanitize-text.js";
import { EMPTY_TRANSCRIPT_TEXT, sanitizeTranscript } from "../../src/services/privacy/sanitize-transcript.js";
import type { JobRow } from "../../src/services/jobs/fields.js";

const NOW = new Date("2026-06-01T12:00:00.000Z");
const pool: TrainerRow[] = generateSeedTrainers("unit-seed", 180, NOW).map((p) => p.row);
const active = pool.filter((t) => t.status === "ACTIVE");

function job(overrides: Partial<JobRow> = {}): JobRow {
  return {
    id: "job_unit",
    accountId: "acc_unit",
    createdByUserId: null,
    status: "OPEN",
    visibility: "PUBLIC",
    slug: "unit",
    title: "Shelf product boxes",
    description: "Draw bounding boxes around products on shelf photos.",
    dataType: "Image",
    subjectMatter: null,
    dataVolume: 10000,
    dataVolumeUnit: "NUMBER_OF_FILES",
    labelingSoftware: "CVAT",
    headcount: 3,
    experienceLevel: "ENTRY_LEVEL",
    paymentType: "PAY_PER_HOUR",
    pricePerHourMicros: 15_000_000,
    pricePerLabelMicros: null,
    fixedPriceMicros: null,
    budgetMinMicros: null,
    budgetMaxMicros: null,
    countries: [],
    languages: ["English"],
    labelTypes: ["Bounding Box"],
    details: {},
    category: "Image Annotation",
    skills: [],
    countryKeys: ["*"],
    importFormat: "opentrain_canonical",
    importReport: {},
    externalId: null,
    idempotencyKey: null,
    idempotencyBodyHash: null,
    moderationDecision: "ALLOW",
    moderationReasons: [],
    moderatedAt: NOW,
    createdAt: NOW,
    updatedAt: NOW,
    firstPublishedAt: NOW,
    publishedAt: NOW,
    closedAt: null,
    ...overrides,
  };
}

describe("fit", () => {
  it("applies the hard requirements: countries, languages, pay, related skills", () => {
    const j = job({ countries: ["DE"], languages: ["German"] });
    for (const t of active) {
      const fit = scoreFit(j, t);
      if (t.countryCode !== "DE") expect(fit).toMatchObject({ eligible: false, reason: "country" });
      if (fit.eligible) {
        expect(t.countryCode).toBe("DE");
        expect(t.languageNames).toContain("German");
      }
    }
    const cheap = job({ pricePerHourMicros: 1_000_000 });
    expect(active.filter((t) => scoreFit(cheap, t).eligible)).toEqual([]);
    expect(active.every((t) => scoreFit(cheap, t).payRatio! < 0.6)).toBe(true);
  });

  it("scores within 0–1 and prefers matching label types, data and tools", () => {
    const j = job();
    const fits = active.map((t) => ({ t, fit: scoreFit(j, t) }));
    for (const { fit } of fits) {
      expect(fit.score).toBeGreaterThanOrEqual(0);
      expect(fit.score).toBeLessThanOrEqual(1);
    }
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const withBoxes = fits.filter(({ t }) => t.labelTypes.some((l) => sameLabel(l, "Bounding Box")));
    const without = fits.filter(({ t }) => !t.labelTypes.some((l) => sameLabel(l, "Bounding Box")));
    expect(avg(withBoxes.map((f) => f.fit.score))).toBeGreaterThan(avg(without.map((f) => f.fit.score)) + 0.1);
  });

  it("matches label names loosely", () => {
    expect(sameLabel("Bounding Boxes", "bounding box")).toBe(true);
    expect(sameLabel("Named-Entity Recognition", "Named Entity Recognition")).toBe(true);
    expect(sameLabel("Polygon", "Bounding Box")).toBe(false);
    expect(labelKey("Cuboids")).toBe("cuboid");
  });
});

describe("plan", () => {
  const seed = simulationSeed("s1", job());

  it("is the same for the same seed and job whatever the trainers' order, and differs with the seed", () => {
    const a = planApplications(job(), active, seed);
    const b = planApplications(job(), [...active].reverse(), seed);
    expect(b).toEqual(a);
    expect(a.length).toBeGreaterThan(3);
    expect(a.length).toBeLessThanOrEqual(maxApplicants(job()));
    const other = planApplications(job(), active, simulationSeed("s2", job()));
    expect(other.map((p) => p.trainerId)).not.toEqual(a.map((p) => p.trainerId));
  });

  it("seeds by the job's content, not its id", () => {
    expect(simulationSeed("s1", job({ id: "job_other" }))).toBe(seed);
    expect(simulationSeed("s1", job({ title: "Another title" }))).not.toBe(seed);
  });

  it("times applications: the first within 90 minutes, none after three days", () => {
    for (const s of ["a", "b", "c", "d"]) {
      const plan = planApplications(job(), active, s);
      expect(Math.min(...plan.map((p) => p.delayMinutes))).toBeLessThanOrEqual(90);
      for (const p of plan) {
        expect(p.delayMinutes).toBeGreaterThanOrEqual(20);
        expect(p.delayMinutes).toBeLessThanOrEqual(APPLICATION_WINDOW_MINUTES);
        expect(p.fit).toBeGreaterThanOrEqual(0.5);
      }
    }
  });

  it("plans nothing for an invite-only job", () => {
    expect(planApplications(job({ visibility: "INVITE_ONLY" }), active, seed)).toEqual([]);
  });
});

describe("application", () => {
  const j = job({
    subjectMatter: "Retail",
    details: { aiInterviewRequirements: "Candidates must have labeled retail imagery before. Bonus for CVAT." },
  });
  const seed = simulationSeed("s1", j);

  it("is deterministic for the seed, job and trainer", () => {
    const t = active[0]!;
    expect(generateApplication(j, t, seed, NOW)).toEqual(generateApplication(j, t, seed, NOW));
    expect(generateApplication(j, t, "x", NOW)).not.toEqual(generateApplication(j, t, seed, NOW));
  });

  it("fits the assessment and the interview between the moment the job was seen and the submission", () => {
    const earliest = new Date(NOW.getTime() - 20 * 60_000);
    for (const t of active) {
      const app = generateApplication(j, t, seed, NOW, { earliest });
      const times = app.interview!.transcript.map((m) => Date.parse(m.sentAt));
      expect(Math.min(...times)).toBeGreaterThanOrEqual(earliest.getTime());
      expect(Math.max(...times)).toBeLessThan(NOW.getTime());
      if (app.assessment) expect(app.assessment.completedAt.getTime()).toBeGreaterThanOrEqual(earliest.getTime());
      // The same content otherwise: only the timing is compressed.
      expect(app.interview!.transcript.map((m) => m.content)).toEqual(
        generateApplication(j, t, seed, NOW).interview!.transcript.map((m) => m.content),
      );
    }
  });

  it("bids near the job's rate, rounded as people quote", () => {
    for (const t of active) {
      const bid = simulatedBidMicros(j, t, new Prng(t.id));
      expect(bid % 500_000).toBe(0);
      const expectation = t.hourlyRateCents! * 10_000;
      const blended = 0.75 * 15_000_000 + 0.25 * expectation;
      expect(bid).toBeGreaterThanOrEqual(blended * 0.85 - 250_000);
      expect(bid).toBeLessThanOrEqual(blended * 1.2 + 250_000);
    }
    const perLabel = job({ paymentType: "PAY_PER_LABEL", pricePerHourMicros: null, pricePerLabelMicros: 40_000 });
    for (const t of active.slice(0, 20)) expect(simulatedBidMicros(perLabel, t, new Prng(t.id)) % 1_000).toBe(0);
  });

  it("holds a 5–8 question interview about the job, ending before the submission", () => {
    for (const t of active) {
      const app = generateApplication(j, t, seed, NOW);
      const interview = app.interview!;
      expect(interview.completedAt.getTime()).toBeLessThan(NOW.getTime());
      expect(interview.startedAt.getTime()).toBeLessThanOrEqual(interview.completedAt.getTime());
      expect(interview.score).toBeGreaterThanOrEqual(15);
      expect(interview.score).toBeLessThanOrEqual(97);
      expect(interview.summary).toMatch(/^(Strong candidate|Solid candidate|Mixed interview|Weak interview): .+\.$/);
      expect(app.matchScore).toBeGreaterThanOrEqual(0);
      expect(app.matchScore).toBeLessThanOrEqual(1);
      expect(app.coverNote).toContain(j.title);
      if (interview.transcript.length === 1) continue; // audio-only interview
      const questions = interview.transcript.filter((m) => m.role === "interviewer").slice(0, -1);
      expect(questions.length).toBeGreaterThanOrEqual(5);
      expect(questions.length).toBeLessThanOrEqual(8);
      expect(questions.every((q) => /^\[\[q:\d+:\w+\]\] /.test(q.content))).toBe(true);
      const text = questions.map((q) => q.content).join("\n");
      expect(text).toContain("CVAT");
      expect(text).toMatch(/bounding box/i);
      const times = interview.transcript.map((m) => m.sentAt);
      expect([...times].sort()).toEqual(times);
      if (t.assessmentScore === null) expect(app.assessment).toBeNull();
      else expect(app.assessment).toMatchObject({ labelType: "Bounding Box" });
    }
  });

  it("lets a few trainers write contact details or their surname, as real people do", () => {
    const raw = active.map((t) => {
      const app = generateApplication(j, t, seed, NOW);
      return { t, text: [app.coverNote, ...app.interview!.transcript.map((m) => m.content)].join("\n") };
    });
    const withContact = raw.filter((r) => findContactDetails(r.text).length > 0);
    expect(withContact.length).toBeGreaterThan(3);
    expect(withContact.length).toBeLessThan(active.length / 3);
  });
});

describe("invitations", () => {
  it("are mostly accepted when the job fits, and answered within 36 hours", () => {
    const j = job();
    const seed = simulationSeed("s1", j);
    const decisions = active.map((t) => ({ fit: scoreFit(j, t), d: decideInvite(j, t, seed) }));
    for (const { d } of decisions) {
      expect(d.delayMinutes).toBeGreaterThanOrEqual(5);
      expect(d.delayMinutes).toBeLessThanOrEqual(36 * 60);
    }
    const rate = (xs: typeof decisions) => xs.filter((x) => x.d.accept).length / Math.max(1, xs.length);
    expect(rate(decisions.filter((x) => x.fit.eligible && x.fit.score >= 0.7))).toBeGreaterThan(0.6);
    expect(rate(decisions.filter((x) => x.fit.reason === "pay"))).toBeLessThan(0.35);
    expect(decideInvite(j, active[0]!, seed)).toEqual(decideInvite(j, active[0]!, seed));
  });
});

describe("transcript sanitizing", () => {
  it("removes control markers", () => {
    expect(stripControlMarkers("[[q:1:tool]] Do you use CVAT? <|end_of_turn|>")).toBe("Do you use CVAT?");
    expect(stripControlMarkers("Thanks. [[score:72]]\n[internal] rubric=v3 fit=0.8\nBye")).toBe("Thanks.\nBye");
    expect(stripControlMarkers("Fine <!-- grader: 4/5 --> answer")).toBe("Fine answer");
    expect(stripControlMarkers("Keep [email redacted] and [a] [b]")).toBe("Keep [email redacted] and [a] [b]");
  });

  it("drops turns left empty and reads an empty transcript as Interview completed.", () => {
    expect(sanitizeTranscript([], { completedAt: NOW.toISOString() })).toEqual([
      { id: "m1", role: "interviewer", content: EMPTY_TRANSCRIPT_TEXT, sentAt: NOW.toISOString() },
    ]);
    const out = sanitizeTranscript(
      [
        {
          role: "candidate",
          content: "Call +44 20 7946 0958, ask for Ana Kowalski <|eot|>",
          sentAt: "2026-01-01T00:00:02.000Z",
        },
        { role: "interviewer", content: "[[q:1]] Hello?", sentAt: "2026-01-01T00:00:01.000Z" },
        { role: "interviewer", content: "[[end]]", sentAt: "2026-01-01T00:00:03.000Z" },
      ],
      { lastNames: ["Kowalski"], completedAt: NOW.toISOString() },
    );
    expect(out).toEqual([
      { id: "m1", role: "interviewer", content: "Hello?", sentAt: "2026-01-01T00:00:01.000Z" },
      {
        id: "m2",
        role: "candidate",
        content: "Call [phone redacted], ask for Ana [name redacted]",
        sentAt: "2026-01-01T00:00:02.000Z",
      },
    ]);
  });

  it("never answers a marker, whatever the text around it", () => {
    const marker = fc.constantFrom("[[q:1]]", "<|end|>", "<!-- x -->", "[[score:9]]");
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 30 }), marker), { maxLength: 6 }), (parts) => {
        const content = parts.map(([text, m]) => `${text.replace(/[[\]<>|!-]/g, "")} ${m}`).join(" ");
        const [first] = sanitizeTranscript([{ role: "candidate", content, sentAt: NOW.toISOString() }], {
          completedAt: NOW.toISOString(),
        });
        expect(first!.content).not.toMatch(/\[\[|<\||<!--/);
        expect(first!.content.length).toBeGreaterThan(0);
      }),
    );
  });
});
