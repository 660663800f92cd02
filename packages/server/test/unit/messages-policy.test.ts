import { describe, expect, it } from "vitest";
import type { JobRow } from "../../src/services/jobs/fields.js";
import { composeReply, plainReply, replyDelayMinutes } from "../../src/sandbox/replies/compose-reply.js";
import { detectIntents } from "../../src/sandbox/replies/intents.js";
import { generateSeedTrainers } from "../../src/sandbox/trainers/generate.js";
import { findPolicyViolation } from "../../src/services/messages/content-policy.js";

describe("messaging content policy", () => {
  it.each([
    ["ana.p@example.com", "off_platform_contact"],
    ["reach me: ana [at] example [dot] com", "off_platform_contact"],
    ["ｗｒｉｔｅ ａｎａ＠ｅｘａｍｐｌｅ．ｃｏｍ", "off_platform_contact"],
    ["+44 20 7946 0958", "off_platform_contact"],
    ["my cell is 555.010.4477", "off_platform_contact"],
    ["t.me/ana_labels", "off_platform_contact"],
    ["https://calendly.com/ana/30min", "off_platform_contact"],
    ["Skype: live:ana.labels", "off_platform_contact"],
    ["ping @ana_labels", "off_platform_contact"],
    ["Message me on Telegram", "off_platform_contact"],
    ["Could you share your phone number?", "off_platform_contact"],
    ["What’s your WhatsApp number?", "off_platform_contact"],
    ["Can we talk off the platform?", "off_platform_contact"],
    ["Pay me via PayPal", "off_platform_payment"],
    ["Do you take payment in bitcoin?", "off_platform_payment"],
    ["My IBAN is on the invoice", "off_platform_payment"],
    ["I'll send the money through Zelle", "off_platform_payment"],
    ["Please use my Payoneer account", "off_platform_payment"],
    ["We prefer a wire transfer", "off_platform_payment"],
    ["Can you do it via Western Union?", "off_platform_payment"],
    ["Pay you directly, outside the platform, to save the fees", "off_platform_payment"],
    ["Transfer it to my Wise account", "off_platform_payment"],
    ["I can pay you in cash", "off_platform_payment"],
  ])("blocks %j (%s)", (text, policy) => {
    expect(findPolicyViolation(text)?.policy).toBe(policy);
  });

  it.each([
    "Hi! When could you start?",
    "The rate is $15.50 per hour, paid through OpenTrain milestones.",
    "We have 12,000 images collected 2019-2023, the first batch on 2024-03-15.",
    "Our guidelines: https://docs.example.com/guide.pdf",
    "Do you know Segments.ai, CVAT or Label Studio?",
    "The dataset is about crypto exchange screenshots and PayPal checkout pages.",
    "It would be wise to read the edge cases first.",
    "Please label each email subject line in the dataset as spam or not.",
    "Send me your first batch when it's ready.",
    "What is your experience with cell segmentation?",
    "Share your mobile app annotation experience, please.",
    "We're based in Berlin and pay through the platform every Friday.",
  ])("lets %j through", (text) => {
    expect(findPolicyViolation(text)).toBeNull();
  });
});

describe("reply intents", () => {
  it.each([
    ["When can you start?", ["availability"]],
    ["How many hours per week can you give us?", ["availability"]],
    ["What's your hourly rate?", ["rate"]],
    ["Tell me about your background", ["experience"]],
    ["Can you show me a sample or do a paid test task?", ["sample_work"]],
    ["Which software do you use? Labelbox?", ["tools"]],
    ["Where are you located, which time zone?", ["timezone"]],
    ["Hello!", ["generic"]],
    ["What's your rate, and when can you start? Also, your time zone?", ["rate", "availability", "timezone"]],
  ])("%j → %j", (text, intents) => {
    expect(detectIntents(text)).toEqual(intents);
  });
});

describe("composed replies", () => {
  const pool = generateSeedTrainers("opentrain-sandbox-v1", 180, new Date("2026-01-01T00:00:00Z"));
  const job = {
    title: "Product Photo Bounding Boxes",
    dataType: "Image",
    labelTypes: ["Bounding Box"],
    labelingSoftware: "CVAT",
    paymentType: "PAY_PER_HOUR",
  } as unknown as JobRow;
  const questions = [
    "When can you start?",
    "What's your rate?",
    "Tell me about your experience.",
    "Can you share a sample of your work?",
    "Which tools do you use?",
    "What time zone are you in?",
    "Hello!",
    "Rate? Start date? Tools? Time zone? Samples? Experience?",
  ];

  it("pass the trainer-side content policy and name no private detail, for every seeded trainer", () => {
    const problems: string[] = [];
    for (const { row } of pool) {
      for (const [i, q] of questions.entries()) {
        const proposal = i % 2 === 0 ? null : ({ bidAmountMicros: 45_000, bidUnit: "PER_LABEL" } as never);
        const { content } = composeReply(q, { trainer: row, job, proposal }, `${row.id}|${i}`);
        const violation = findPolicyViolation(content);
        if (violation) problems.push(`${row.id} ${q}: ${violation.policy} ${violation.detected} in ${content}`);
        for (const secret of [row.email, row.phone, row.legalName]) {
          if (secret && content.includes(secret)) problems.push(`${row.id} ${q}: ${secret}`);
        }
      }
      if (findPolicyViolation(plainReply({ trainer: row, job, proposal: null }))) problems.push(`${row.id} plain`);
    }
    expect(problems).toEqual([]);
  });

  it("are deterministic per seed, and vary with the seed and the question", () => {
    const trainer = pool[3]!.row;
    const c = { trainer, job, proposal: null };
    expect(composeReply("What's your rate?", c, "seed-a")).toEqual(composeReply("What's your rate?", c, "seed-a"));
    const texts = new Set(questions.map((q) => composeReply(q, c, "seed-a").content));
    expect(texts.size).toBe(questions.length);
    const seeds = new Set(Array.from({ length: 12 }, (_, i) => composeReply("Hello!", c, `s${i}`).content));
    expect(seeds.size).toBeGreaterThan(1);
  });

  it("answer as many questions as the persona's verbosity allows", () => {
    const ask = "Rate? Start date? Tools? Time zone? Samples? Experience?";
    for (const verbosity of ["short", "medium", "long"] as const) {
      const trainer = pool.find((p) => p.row.persona.verbosity === verbosity)!.row;
      const { intents } = composeReply(ask, { trainer, job, proposal: null }, "x");
      expect(intents).toHaveLength({ short: 2, medium: 3, long: 4 }[verbosity]);
    }
  });

  it("come after a delay around the persona's typical one", () => {
    for (const { row } of pool) {
      const d = replyDelayMinutes(row.persona, row.id);
      expect(d).toBeGreaterThanOrEqual(Math.max(1, row.persona.replyDelayMinutes * 0.6) - 0.02);
      expect(d).toBeLessThanOrEqual(Math.min(24 * 60, row.persona.replyDelayMinutes * 1.4) + 0.02);
      expect(replyDelayMinutes(row.persona, row.id)).toBe(d);
    }
  });
});
