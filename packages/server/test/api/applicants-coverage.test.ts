import { claimedAgent, sandbox, startTestServer, type ClaimedAgent, type TestServer } from "@opentrain-ai/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allProposals, publishJob } from "./proposals-helpers.js";
import { canonicalJob } from "./jobs-helpers.js";

/** No seeded marketplace jobs and no real-time tick: only the clock advance moves the simulator. */
const QUIET = { OPENTRAIN_SANDBOX_SEED_JOBS: "0", OPENTRAIN_SANDBOX_TICK_SECONDS: "0" };

/**
 * Ordinary jobs of the kinds the seeded catalog has, in its common languages, at middling pay.
 * German transcription once found nobody to apply: the random pool had three German speakers and
 * none of them transcribed.
 */
const JOBS: Record<string, Record<string, unknown>> = {
  "German transcription": {
    title: "German Audio Transcription",
    description: "Transcribe short German call-center recordings verbatim and mark each speaker turn.",
    dataType: "Audio",
    labelTypes: ["Transcription"],
    languages: ["German"],
    countries: [],
    tools: ["Label Studio"],
    experienceLevel: "ENTRY_LEVEL",
    rateAmount: 16,
  },
  "German transcription, Austria and Switzerland only": {
    title: "Swiss and Austrian German Speech Transcription",
    description: "Transcribe regional German podcast audio and tag background noise and overlapping speech.",
    dataType: "Audio",
    labelTypes: ["Transcription", "Speaker Diarization"],
    languages: ["German"],
    countries: ["AT", "CH"],
    tools: ["Audino"],
    experienceLevel: "INTERMEDIATE",
    rateAmount: 20,
  },
  "Spanish sentiment, per label": {
    title: "Spanish Sentiment Labeling for Product Reviews",
    paymentType: "PAY_PER_LABEL",
    rateAmount: 0.035,
    countries: ["ES", "MX"],
    experienceLevel: "ENTRY_LEVEL",
  },
  "French translation review": {
    title: "Evaluate Machine Translation: French",
    description: "Rate French machine translations of travel content for accuracy and fluency and fix the errors.",
    dataType: "Text",
    labelTypes: ["Translation", "Response Evaluation"],
    languages: ["French"],
    countries: ["FR", "BE", "CA"],
    tools: ["OTHER"],
    experienceLevel: "EXPERT",
    rateAmount: 25,
  },
  "Japanese RLHF": {
    title: "Japanese RLHF Response Ranking for Travel Planning",
    description: "Compare two Japanese assistant answers about travel planning, rank them and justify the choice.",
    dataType: "Text",
    labelTypes: ["RLHF", "Response Evaluation"],
    languages: ["Japanese"],
    countries: [],
    tools: ["Scale Rapid"],
    experienceLevel: "EXPERT",
    rateAmount: 35,
  },
  "Arabic content moderation": {
    title: "Arabic Content Moderation Labeling",
    description: "Label Arabic forum posts against the policy taxonomy and flag the edge cases.",
    dataType: "Text",
    labelTypes: ["Content Moderation"],
    languages: ["Arabic"],
    countries: ["EG", "SA", "AE", "MA"],
    tools: ["Label Studio"],
    experienceLevel: "INTERMEDIATE",
    rateAmount: 14,
  },
  "Hindi voice recordings, fixed price": {
    title: "Record Hindi Voice Samples",
    description: "Record about 300 short Hindi prompts in a quiet room with a headset microphone.",
    dataType: "Audio",
    labelTypes: ["Data Collection"],
    languages: ["Hindi"],
    countries: ["IN"],
    tools: ["OTHER"],
    experienceLevel: "ANY_EXPERIENCE_LEVEL",
    paymentType: "FIXED_PRICE",
    rateAmount: 150,
  },
  "English LiDAR cuboids": {
    title: "LiDAR Cuboid Annotation: Urban Driving",
    description: "Fit a 3D cuboid to every vehicle and pedestrian in each LiDAR sweep and keep track ids stable.",
    dataType: "3D Sensor",
    labelTypes: ["Cuboid"],
    languages: ["English"],
    countries: [],
    tools: ["Segments.ai"],
    experienceLevel: "INTERMEDIATE",
    rateAmount: 22,
  },
  "Portuguese invoice extraction, per label": {
    title: "Portuguese Receipt Data Entry",
    description: "Mark vendor, date, totals and line items on scanned Brazilian receipts and correct the OCR text.",
    dataType: "Document",
    labelTypes: ["Named Entity Recognition"],
    languages: ["Portuguese"],
    countries: ["BR", "PT"],
    tools: ["Label Studio"],
    experienceLevel: "ENTRY_LEVEL",
    paymentType: "PAY_PER_LABEL",
    rateAmount: 0.12,
  },
};

let t: TestServer;
let owner: ClaimedAgent;
const jobIds = new Map<string, string>();

beforeAll(async () => {
  t = await startTestServer({ env: QUIET });
  owner = await claimedAgent(t);
  for (const [name, job] of Object.entries(JOBS)) {
    jobIds.set(name, await publishJob(t, owner.token, canonicalJob({ headcount: 3, ...job })));
  }
  const moved = await sandbox(t, "POST", "/clock/advance", { duration: "24h" });
  expect(moved.status).toBe(200);
}, 180_000);
afterAll(() => t?.close());

describe("applicants for every ordinary job", () => {
  it.each(Object.keys(JOBS))("%s gets applicants within 24 virtual hours", async (name) => {
    const { proposals } = await allProposals(t, owner.token, jobIds.get(name)!);
    expect(proposals.length).toBeGreaterThanOrEqual(1);
    for (const p of proposals) {
      expect(p.source).toBe("APPLIED");
      expect(p.metrics.interviewScore).toBeGreaterThanOrEqual(0);
    }
  });

  it("has German speakers apply to the German jobs, from Austria or Switzerland where the job asks", async () => {
    const { proposals } = await allProposals(
      t,
      owner.token,
      jobIds.get("German transcription, Austria and Switzerland only")!,
    );
    for (const p of proposals) expect(["AT", "CH"]).toContain(p.candidate.countryCode);
  });
});
