import { describe, expect, it } from "vitest";
import { extractCountries } from "../../src/services/job-drafts/parse/countries.js";
import { extractLanguages } from "../../src/services/job-drafts/parse/languages.js";
import { view } from "./helpers.js";

const langs = (t: string) => extractLanguages(view(t)).languages;
const countries = (t: string) => {
  const v = view(t);
  return extractCountries(v, extractLanguages(v).spans).countries;
};

describe("languages", () => {
  it.each([
    ["We need native Spanish speakers.", ["Spanish"]],
    ["Must be fluent in German and French.", ["German", "French"]],
    ["Native FR/DE speakers wanted", ["French", "German"]],
    ["Red Teaming Specialists (EN/ES/PT)", ["English", "Spanish", "Portuguese"]],
    ["Brazilian Portuguese voice talent", ["Portuguese"]],
    ["Dutch & Flemish (nl-NL / nl-BE)", ["Dutch"]],
    ["Native Mandarin speakers; Traditional Chinese reading required", ["Chinese"]],
    ["Buscamos hablantes nativos de español", ["Spanish"]],
    ["Sehr gute Deutschkenntnisse erforderlich", ["German"]],
    ["juristes francophones", ["French"]],
    ["Tag chats in Bahasa Indonesia", ["Indonesian"]],
    ["Languages: ES, PT", ["Spanish", "Portuguese"]],
    ["Locale: pt-BR", ["Portuguese"]],
    ["Farsi and Swahili transcription", ["Persian", "Swahili"]],
    ["Annotate 200 hours of German Sign Language (DGS) video", ["German Sign Language"]],
    ["ASL interpreters needed", ["American Sign Language"]],
    ["native english + french, lower-case post", ["English", "French"]],
  ])("%s", (text, expected) => expect(langs(text)).toEqual(expected));

  it("does not read programming languages or verbs as languages", () => {
    expect(langs("Review AI-generated Python and Java solutions.")).toEqual([]);
    expect(langs("Review and polish machine-translated strings.")).toEqual([]);
  });

  it("reads 'Polish' as a language with a cue or in a list", () => {
    expect(langs("Native Polish speakers")).toEqual(["Polish"]);
    expect(langs("Translate into Turkish and Polish")).toEqual(["Turkish", "Polish"]);
    expect(langs("Polish the final text before delivery.")).toEqual([]);
  });

  it("skips negated languages and documentation languages", () => {
    expect(langs("Portuguese is not required.")).toEqual([]);
    expect(langs("Label car images. Guidelines are provided in English.")).toEqual([]);
  });

  it("does not take country codes for language codes", () => {
    expect(langs("Open to US/UK residents")).toEqual([]);
    expect(langs("Countries: MX, CO, AR, BR")).toEqual([]);
  });

  it("'Latin America' is not Latin", () => expect(langs("Brands from Latin America")).toEqual([]));
});

describe("countries", () => {
  it.each([
    ["Open to candidates in the US, Canada, UK and Australia.", ["US", "CA", "GB", "AU"]],
    ["Based in the Philippines.", ["PH"]],
    ["Must reside in the Netherlands or Belgium.", ["NL", "BE"]],
    ["Remote from Spain, Portugal, Brazil or the USA.", ["ES", "PT", "BR", "US"]],
    ["Applicants must be based in Saudi Arabia, the UAE, Kuwait or Qatar.", ["SA", "AE", "KW", "QA"]],
    ["Countries: MX, CO, AR, BR", ["MX", "CO", "AR", "BR"]],
    ["Location: India (remote).", ["IN"]],
    ["Standort: Deutschland.", ["DE"]],
    ["Residentes no Brasil.", ["BR"]],
    ["Must be a Canadian resident.", ["CA"]],
    ["US-based workers only.", ["US"]],
    ["english only, US/UK/CA/AU.", ["US", "GB", "CA", "AU"]],
    ["Must be in South Korea.", ["KR"]],
  ])("%s", (text, expected) => expect(countries(text)).toEqual(expected));

  it("ignores locale qualifiers, time zones, company location and data location", () => {
    expect(countries("Fluent in US English.")).toEqual([]);
    expect(countries("Overlap with US business hours required.")).toEqual([]);
    expect(countries("We are a US-based startup hiring worldwide.")).toEqual([]);
    expect(countries("Label 1,200 satellite tiles over Nairobi, Kenya.")).toEqual([]);
    expect(countries("Speakers of the Saudi or Emirati dialect.")).toEqual([]);
  });

  it("needs a residence cue for ambiguous names", () => {
    expect(countries("Michael Jordan fans welcome.")).toEqual([]);
    expect(countries("Must be located in Jordan.")).toEqual(["JO"]);
    expect(countries("Photos of turkey sandwiches.")).toEqual([]);
    expect(countries("Offices in New Mexico and New Jersey.")).toEqual([]);
  });

  it("does not read names inside language phrases", () => {
    expect(countries("Chats in Bahasa Indonesia.")).toEqual([]);
  });

  it("does not take the pronoun 'US' in a shouting post", () => {
    expect(countries("JOIN US TODAY! WE NEED 5 LABELERS FOR CAR IMAGES.")).toEqual([]);
    expect(countries("MUST BE BASED IN THE US. WE NEED 5 LABELERS.")).toEqual(["US"]);
  });

  it("reports regions and worldwide in warnings only", () => {
    const v = view("Open to LATAM applicants. Anyone worldwide can join.");
    const r = extractCountries(v);
    expect(r.countries).toEqual([]);
    expect(r.warnings.join(" ")).toMatch(/latam/);
    expect(r.warnings.join(" ")).toMatch(/worldwide/);
  });
});
