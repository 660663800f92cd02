import { describe, expect, it } from "vitest";
import { extractPay } from "../../src/services/job-drafts/parse/pay.js";
import { view } from "./helpers.js";

const pay = (t: string) => extractPay(view(t));

describe("pay formats", () => {
  it.each([
    ["$15/hr", "PAY_PER_HOUR", 15, "USD"],
    ["Pay: $18/hour.", "PAY_PER_HOUR", 18, "USD"],
    ["15 USD/hour", "PAY_PER_HOUR", 15, "USD"],
    ["€12 an hour", "PAY_PER_HOUR", 12, "EUR"],
    ["£18ph, 10 hours a week", "PAY_PER_HOUR", 18, "GBP"],
    ["USD 25 hourly", "PAY_PER_HOUR", 25, "USD"],
    ["35$ hourly", "PAY_PER_HOUR", 35, "USD"],
    ["$14 p/h.", "PAY_PER_HOUR", 14, "USD"],
    ["CAD $28/hr", "PAY_PER_HOUR", 28, "CAD"],
    ["NT$200 per hour", "PAY_PER_HOUR", 200, "TWD"],
    ["R$ 40 por hora", "PAY_PER_HOUR", 40, "BRL"],
    ["16,50 € pro Stunde", "PAY_PER_HOUR", 16.5, "EUR"],
    ["Tarif : 22 $ CA de l'heure", "PAY_PER_HOUR", 22, "CAD"],
    ["KES 1,500 per hour", "PAY_PER_HOUR", 1500, "KES"],
    ["₹600 per hour", "PAY_PER_HOUR", 600, "INR"],
    ["$0.05 per label", "PAY_PER_LABEL", 0.05, "USD"],
    ["$0.05 per utterance", "PAY_PER_LABEL", 0.05, "USD"],
    ["4 cents per image", "PAY_PER_LABEL", 0.04, "USD"],
    ["pay 0.02$/box", "PAY_PER_LABEL", 0.02, "USD"],
    ["$1.50 per audio minute", "PAY_PER_LABEL", 1.5, "USD"],
    ["$12 per accepted prompt-response pair", "PAY_PER_LABEL", 12, "USD"],
    ["0,50 € par annotation validée", "PAY_PER_LABEL", 0.5, "EUR"],
    ["Rp 500 per message", "PAY_PER_LABEL", 500, "IDR"],
    ["$8 per participant for the full set", "PAY_PER_LABEL", 8, "USD"],
    ["Pay: 1,500 INR per 100 images", "PAY_PER_LABEL", 15, "INR"],
    ["$10 per 1,000 words", "PAY_PER_LABEL", 0.01, "USD"],
    ["fixed price of $500", "FIXED_PRICE", 500, "USD"],
    ["Budget $2,000", "FIXED_PRICE", 2000, "USD"],
    ["$1.2k for the whole job", "FIXED_PRICE", 1200, "USD"],
    ["Flat fee of $750 for the full set", "FIXED_PRICE", 750, "USD"],
    ["Total budget: 3,000 EUR for the project", "FIXED_PRICE", 3000, "EUR"],
    ["Fixed price ₹45,000.", "FIXED_PRICE", 45000, "INR"],
    ["We'll pay a flat $400 for the lot.", "FIXED_PRICE", 400, "USD"],
  ])("%s", (text, type, rate, currency) => {
    const r = pay(text);
    expect(r.paymentType).toBe(type);
    expect(r.rate).toBe(rate);
    expect(r.currency).toBe(currency);
    expect(r.rateKey).toBe(
      { PAY_PER_HOUR: "pricePerHour", PAY_PER_LABEL: "pricePerLabel", FIXED_PRICE: "fixedPrice" }[type],
    );
  });
});

describe("ranges", () => {
  it.each([
    ["$15-20/hr", 15, 20],
    ["$15-20 per hour", 15, 20],
    ["$40–$60/hr", 40, 60],
    ["€15–18 per hour", 15, 18],
    ["15-20 USD/hour", 15, 20],
    ["Pay between $16 and $19 an hour", 16, 19],
    ["USD 18–22/hour, paid weekly", 18, 22],
  ])("%s → lower bound, range kept, warning", (text, min, max) => {
    const r = pay(text);
    expect(r.paymentType).toBe("PAY_PER_HOUR");
    expect(r.rate).toBe(min);
    expect(r.payRange).toEqual({ min, max });
    expect(r.warnings.join(" ")).toMatch(/lower bound/);
    expect(r.confidence.rate).toBeLessThan(0.95);
  });

  it("'and' is a range only after 'between'", () => {
    const r = pay("$20 and $0.05 per bonus label");
    expect(r.payRange).toBeNull();
  });

  it("'up to' gives the figure with low confidence", () => {
    const r = pay("Up to $17/hour depending on speed.");
    expect(r.rate).toBe(17);
    expect(r.confidence.rate).toBeLessThan(0.6);
    expect(r.warnings.join(" ")).toMatch(/upper bound/);
  });
});

describe("currencies", () => {
  it("stores non-USD rates as written, with a warning and low confidence", () => {
    const r = pay("€30/hour");
    expect(r.rate).toBe(30);
    expect(r.currency).toBe("EUR");
    expect(r.warnings.join(" ")).toMatch(/EUR; stored as-is/);
    expect(r.confidence.rate).toBeLessThan(0.6);
  });

  it("prefers a USD equivalent given next to a foreign rate", () => {
    const r = pay("Rate: €30/hour (approx. $33).");
    expect(r.rate).toBe(33);
    expect(r.currency).toBe("USD");
  });

  it("keeps the first USD rate when another currency follows as an alternative", () => {
    const r = pay("rate $12/hr (or €11/hr if paid in euro)");
    expect(r.rate).toBe(12);
    expect(r.currency).toBe("USD");
  });
});

describe("what is not pay", () => {
  it("ignores company figures", () => {
    expect(pay("We are backed by $25M in funding.").paymentType).toBeNull();
    expect(pay("We raised $3 million last year.").paymentType).toBeNull();
  });

  it("ignores numbers without a currency", () => {
    expect(pay("Reviewers must be 21+ and work 10-20 hours a week.").paymentType).toBeNull();
  });

  it("ignores weekly or monthly pay, with a warning", () => {
    const r = pay("Salary: $500 per week.");
    expect(r.paymentType).toBeNull();
    expect(r.warnings.join(" ")).toMatch(/per day\/week\/month/);
  });

  it("a per-set total in parentheses does not override the per-unit rate", () => {
    const r = pay("Payment: $0.05 per utterance (≈ $15 for the full set).");
    expect(r.paymentType).toBe("PAY_PER_LABEL");
    expect(r.rate).toBe(0.05);
  });

  it("an explicit rate beats a budget figure", () => {
    const r = pay("Budget $3,000. We pay $20/hr.");
    expect(r.paymentType).toBe("PAY_PER_HOUR");
    expect(r.rate).toBe(20);
  });
});

describe("payment type without an amount", () => {
  it.each([
    ["Payment is per label.", "PAY_PER_LABEL"],
    ["You will be paid per task.", "PAY_PER_LABEL"],
    ["Hourly pay, rate depends on location.", "PAY_PER_HOUR"],
    ["This is a fixed-price contract.", "FIXED_PRICE"],
  ])("%s", (text, type) => {
    const r = pay(text);
    expect(r.paymentType).toBe(type);
    expect(r.rate).toBeNull();
  });

  it("negated cues do not count", () => {
    expect(pay("Per-label pricing is not possible for this project.").paymentType).toBeNull();
  });

  it("an amount with no unit in a pay sentence is read with low confidence", () => {
    const r = pay("Rate: $15");
    expect(r.paymentType).toBe("PAY_PER_HOUR");
    expect(r.confidence.rate).toBeLessThan(0.6);
  });
});
