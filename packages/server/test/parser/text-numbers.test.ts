import { describe, expect, it } from "vitest";
import {
  countValue,
  numberStarts,
  parseNumber,
  parseNumberWords,
} from "../../src/services/job-drafts/parse/numbers.js";
import { altLiteral, buildView, foldString, sentenceAt } from "../../src/services/job-drafts/parse/text.js";

describe("parseNumber", () => {
  it.each([
    ["1,200", 1200],
    ["1,200.50", 1200.5],
    ["1.200,50", 1200.5],
    ["10.000", 10000],
    ["1.200.000", 1200000],
    ["2 000", 2000],
    ["16,50", 16.5],
    ["0,06", 0.06],
    ["0.012", 0.012],
    ["1.2", 1.2],
    ["1,5", 1.5],
    ["25", 25],
  ])("%s → %d", (s, n) => expect(parseNumber(s)).toBe(n));

  it("rejects non-numbers", () => {
    expect(parseNumber("abc")).toBeNull();
    expect(parseNumber("")).toBeNull();
  });
});

describe("number words", () => {
  it.each([
    ["ten", 10],
    ["twenty-five", 25],
    ["twenty five", 25],
    ["a dozen", 12],
    ["two hundred", 200],
    ["one hundred and twenty", 120],
  ])("%s → %d", (s, n) => expect(parseNumberWords(s)).toBe(n));

  it("returns null for words that are not numbers", () => expect(parseNumberWords("several")).toBeNull());

  it("applies multipliers", () => {
    expect(countValue({ n: "1.2", mult: "k" })).toBe(1200);
    expect(countValue({ n: "1.2", mult: "m" })).toBe(1_200_000);
    expect(countValue({ n: "20", mult: " thousand" })).toBe(20_000);
    expect(countValue({ w: "six" })).toBe(6);
  });
});

describe("text view", () => {
  it("keeps the three copies aligned character for character", () => {
    const v = buildView("Español – “Größe” 🚗 İstanbul\r\nNext line");
    expect(v.raw.length).toBe(v.original.length);
    expect(v.lower.length).toBe(v.original.length);
    expect(v.lower).toContain('espanol - "große"');
    expect(v.raw).not.toContain("\r");
  });

  it("folds vocabulary strings the same way", () => {
    expect(foldString("México")).toBe("mexico");
    expect(foldString("Côte d’Ivoire")).toBe("cote d'ivoire");
  });

  it("splits sentences but not decimals or abbreviations", () => {
    const v = buildView("Pay: $0.05 per label. Approx. 3,000 items. Based in the U.S. Apply now!");
    const texts = v.sentences.map((s) => v.raw.slice(s.start, s.end).trim());
    expect(texts).toEqual(["Pay: $0.05 per label.", "Approx. 3,000 items.", "Based in the U.S. Apply now!"]);
    expect(sentenceAt(v, v.raw.indexOf("3,000")).start).toBe(v.raw.indexOf(" Approx."));
  });

  it("detects shouting and lower-case posts", () => {
    expect(buildView("URGENT NEED THREE ANNOTATORS FOR CAR IMAGES").shouting).toBe(true);
    expect(buildView("need three annotators for car images asap please").caseless).toBe(true);
    expect(buildView("Need three annotators for car images").shouting).toBe(false);
  });

  it("builds tries that prefer the longest entry", () => {
    const re = new RegExp(`^(?:${altLiteral(["saudi", "saudi arabia", "sa$"])})`);
    expect(re.exec("saudi arabia")?.[0]).toBe("saudi arabia");
    expect(re.exec("saudi dialect")?.[0]).toBe("saudi");
    expect(re.exec("sa$ 5")?.[0]).toBe("sa$");
  });

  it("finds number starts, digits and words", () => {
    const v = buildView("We need ten annotators for 1,200 images, v2 of the set.");
    expect(numberStarts(v).map((i) => v.lower.slice(i, i + 3))).toEqual(["ten", "1,2"]);
  });
});
