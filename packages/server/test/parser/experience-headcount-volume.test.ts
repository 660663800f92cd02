import { describe, expect, it } from "vitest";
import { extractExperience, yearsToLevel } from "../../src/services/job-drafts/parse/experience.js";
import { extractHeadcount } from "../../src/services/job-drafts/parse/headcount.js";
import { extractVolume } from "../../src/services/job-drafts/parse/volume.js";
import { view } from "./helpers.js";

const level = (t: string) => extractExperience(view(t)).level;
const headcount = (t: string) => extractHeadcount(view(t)).headcount;
const volume = (t: string) => {
  const r = extractVolume(view(t));
  return r.volume === null ? null : [r.volume, r.unit];
};

describe("experience level", () => {
  it.each([
    ["Entry level welcome.", "ENTRY_LEVEL"],
    ["Beginners welcome!", "ENTRY_LEVEL"],
    ["No experience required.", "ENTRY_LEVEL"],
    ["No prior annotation experience required.", "ENTRY_LEVEL"],
    ["no exp needed, we train u", "ENTRY_LEVEL"],
    ["Junior annotators are fine.", "ENTRY_LEVEL"],
    ["No se requiere experiencia previa.", "ENTRY_LEVEL"],
    ["Iniciantes são bem-vindos.", "ENTRY_LEVEL"],
    ["Intermediate level.", "INTERMEDIATE"],
    ["Mid-level experience preferred.", "INTERMEDIATE"],
    ["2+ years of annotation experience.", "INTERMEDIATE"],
    ["At least 1 year of video annotation experience.", "INTERMEDIATE"],
    ["Mindestens 1 Jahr Erfahrung in der Bildannotation.", "INTERMEDIATE"],
    ["Expert level.", "EXPERT"],
    ["Senior annotators only.", "EXPERT"],
    ["PhD in Physics required.", "EXPERT"],
    ["Board certification required.", "EXPERT"],
    ["5+ YEARS LIDAR EXP ONLY", "EXPERT"],
    ["5+ years as a professional translator required.", "EXPERT"],
    ["Niveau expert requis.", "EXPERT"],
    ["Any experience level.", "ANY_EXPERIENCE_LEVEL"],
    ["All experience levels welcome.", "ANY_EXPERIENCE_LEVEL"],
    ["Any level of experience is fine.", "ANY_EXPERIENCE_LEVEL"],
  ])("%s", (text, expected) => expect(level(text)).toBe(expected));

  it("'experienced' alone sets nothing (spec 20 §7)", () => {
    expect(level("We're looking for ten experienced annotators.")).toBeNull();
  });

  it("years outside an experience sentence do not count", () => {
    expect(level("You must have lived in the UK for the last 3 years.")).toBeNull();
    expect(level("We were founded 5 years ago.")).toBeNull();
  });

  it("an explicit level beats years; a degree beats years", () => {
    expect(level("Senior level: 3+ years in trust & safety.")).toBe("EXPERT");
    expect(level("Master's or PhD in Mathematics. 3+ years of tutoring experience.")).toBe("EXPERT");
  });

  it("negated qualifications do not count", () => {
    expect(level("Masters qualification not required.")).toBeNull();
  });

  it("maps years with documented thresholds", () => {
    expect(yearsToLevel(0)).toBe("ENTRY_LEVEL");
    expect(yearsToLevel(1)).toBe("INTERMEDIATE");
    expect(yearsToLevel(4)).toBe("INTERMEDIATE");
    expect(yearsToLevel(5)).toBe("EXPERT");
  });

  it("warns when strong signals disagree", () => {
    const r = extractExperience(view("Beginners welcome. Expert level preferred."));
    expect(r.warnings.join(" ")).toMatch(/ambiguous/);
    expect(r.confidence).toBeLessThan(0.8);
  });
});

describe("headcount", () => {
  it.each([
    ["We need 3 labelers.", 3],
    ["We're looking for ten experienced annotators.", 10],
    ["We need five fluent Spanish speakers.", 5],
    ["We are hiring twenty native Thai speakers.", 20],
    ["Headcount: 25", 25],
    ["10 openings.", 10],
    ["We need a team of 12 football fans.", 12],
    ["need like 20 ppl asap", 20],
    ["Buscamos 8 hablantes nativos.", 8],
    ["Need someone to label 800 receipts.", 1],
    ["We're hiring 3-5 annotators.", 5],
    ["hiring ~40 folks for a short gig", 40],
  ])("%s", (text, n) => expect(headcount(text)).toBe(n));

  it("ignores non-hiring counts", () => {
    expect(headcount("Our assistant is used by over 2 million people.")).toBeNull();
    expect(headcount("We're a 40-person AI lab.")).toBeNull();
    expect(headcount("Recordings have 2 speakers per recording.")).toBeNull();
    expect(headcount("Annotate 17 body keypoints.")).toBeNull();
    expect(headcount("5+ years as a professional translator required.")).toBeNull();
    expect(headcount("12 EUR/hour. Native Ukrainian speakers.")).toBeNull();
  });

  it("warns about per-language counts", () => {
    const r = extractHeadcount(view("Two reviewers per language."));
    expect(r.headcount).toBe(2);
    expect(r.warnings.join(" ")).toMatch(/per language/);
  });
});

describe("data volume", () => {
  it.each([
    ["Label roughly 20,000 social media posts.", [20000, "NUMBER_OF_FILES"]],
    ["Around 500 hours of audio in total.", [500, "HOURS_OF_RECORDING_AUDIO_VIDEO"]],
    ["Corpus size: 1.2M words.", [1200000, "NUMBER_OF_WORDS"]],
    ["about 250,000 words total", [250000, "NUMBER_OF_WORDS"]],
    ["Transcribe 200 horas de áudio.", [200, "HOURS_OF_RECORDING_AUDIO_VIDEO"]],
    ["100 hrs of podcasts", [100, "HOURS_OF_RECORDING_AUDIO_VIDEO"]],
    ["120k warehouse camera images", [120000, "NUMBER_OF_FILES"]],
    ["draw bboxes on shelf product imgs (approx 30k)", [30000, "NUMBER_OF_FILES"]],
    ["Tag 50.000 customer chat messages.", [50000, "NUMBER_OF_FILES"]],
    ["annoter des entités dans 2 000 contrats", [2000, "NUMBER_OF_FILES"]],
    ["Assign ICD-10 codes to 5k discharge summaries.", [5000, "NUMBER_OF_FILES"]],
    ["Transcribe 300 minutes of audio.", [5, "HOURS_OF_RECORDING_AUDIO_VIDEO"]],
  ])("%s", (text, expected) => expect(volume(text)).toEqual(expected));

  it("labels drawn on the data are not the data volume", () => {
    expect(volume("Roughly 400,000 polygons across 8,000 images.")).toEqual([8000, "NUMBER_OF_FILES"]);
  });

  it("ignores per-item and per-person quantities and small counts", () => {
    expect(volume("Record yourself reading 300 short phrases.")).toBeNull();
    expect(volume("Each participant records 1 hour of audio.")).toBeNull();
    expect(volume("Label about 200 images per day.")).toBeNull();
    expect(volume("Write a caption (2–3 sentences) for each photo.")).toBeNull();
    expect(volume("350 videos, each about 2 minutes long.")).toEqual([350, "NUMBER_OF_FILES"]);
  });

  it("prefers hours of recordings over item counts", () => {
    expect(volume("500 hours of audio split into 30,000 clips.")).toEqual([500, "HOURS_OF_RECORDING_AUDIO_VIDEO"]);
  });
});
