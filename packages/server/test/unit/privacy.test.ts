import { describe, expect, it } from "vitest";
import { maskName } from "../../src/services/privacy/mask-name.js";
import { findContactDetails, sanitizeText } from "../../src/services/privacy/sanitize-text.js";

describe("maskName", () => {
  it.each([
    ["Ada", "Lovelace", "Ada L.", "Ada", "L."],
    ["  Ada  ", " lovelace ", "Ada L.", "Ada", "L."],
    ["Mary Ann", "de la Cruz", "Mary Ann D.", "Mary Ann", "D."],
    ["Łukasz", "Wiśniewski", "Łukasz W.", "Łukasz", "W."],
    ["Ji-woo", "Jeong", "Ji-woo J.", "Ji-woo", "J."],
    ["Ada", "Ólafsdóttir", "Ada Ó.", "Ada", "Ó."],
    ["Ada", "", "Ada", "Ada", ""],
    ["Ada", "  42 ", "Ada", "Ada", ""],
  ])("%j %j → %j", (first, last, displayName, firstName, lastNameInitial) => {
    expect(maskName(first, last)).toEqual({ displayName, firstName, lastNameInitial });
  });

  it.each([
    ["", "Lovelace"],
    ["   ", "Lovelace"],
    [null, null],
    [undefined, "Lovelace"],
    ["12345", "Lovelace"],
    ["ada.lovelace@example.com", "Lovelace"],
    ["+44 7700 900123", ""],
    ["Lovelace", "Lovelace"],
  ])("falls back to Freelancer for first name %j", (first, last) => {
    expect(maskName(first, last)).toEqual({ displayName: "Freelancer", firstName: "Freelancer", lastNameInitial: "" });
  });

  it("drops the last name when it was typed into the first-name field", () => {
    expect(maskName("Ada Lovelace", "Lovelace").displayName).toBe("Ada L.");
    expect(maskName("Ada LOVELACE-Byron", "Lovelace").displayName).toBe("Ada L.");
    expect(maskName("Ada King", "King Lovelace").displayName).toBe("Ada K.");
  });

  it("keeps at most 40 characters of first names", () => {
    expect(maskName("Ada ".repeat(20), "Lovelace").firstName.length).toBeLessThanOrEqual(40);
  });
});

describe("sanitizeText", () => {
  const email = "[email redacted]";
  const phone = "[phone redacted]";
  const link = "[link redacted]";

  it.each([
    ["Write to ada.lovelace@example.com today", `Write to ${email} today`],
    ["ADA+labels@Mail.Example.CO.UK.", `${email}.`],
    ["ada [at] example [dot] com", email],
    ["ada(at)example.com", email],
    ["ada (at) example (dot) com", email],
    ["ada at example dot com", email],
    ["ada dot lovelace at example dot org please", `${email} please`],
    ["ada @ example.com", email],
    ["ａｄａ＠ｅｘａｍｐｌｅ．ｃｏｍ", email],
    ["ada\u200b@example.com", email],
  ])("redacts the email in %j", (input, expected) => {
    expect(sanitizeText(input)).toBe(expected);
  });

  it("keeps ordinary uses of 'at'", () => {
    expect(sanitizeText("I worked at Acme.com for two years at night")).toBe(
      "I worked at Acme.com for two years at night",
    );
  });

  it.each([
    "+44 20 7946 0958",
    "+1 (555) 010-4477",
    "(555) 010-4477",
    "555.010.4477",
    "555-010-4477",
    "+49 30 901820",
    "0049 30 9018200",
    "+33 6 12 34 56 78",
    "+91-98765-43210",
    "07700 900123",
    "+234 803 123 4567",
    "(+63) 91 7123 4567",
    "+44 (0)20 7946 0958",
    "5550104477",
    "＋４４ ７７００ ９００１２３",
    "5 5 5 0 1 0 4 4 7 7",
    "4242 4242 4242 4242",
  ])("redacts the phone number %j", (number) => {
    expect(sanitizeText(`Call ${number} now.`)).toBe(`Call ${phone} now.`);
  });

  it.each([
    "between 2019-2021 and 2022 - 2024",
    "in 2018 2019 2020",
    "on 2024-03-15 or 15.03.2024",
    "about 1,200,000 images at 99.5% accuracy",
    "version 1.2.3, 40 hours a week, 3 500 images",
    "a 1234567 count",
    "about 2500000 tokens",
    "09:00-17:00 CET",
  ])("leaves %j alone", (text) => {
    expect(sanitizeText(text)).toBe(text);
  });

  it.each([
    ["wa.me/447700900123", link],
    ["https://wa.me/447700900123?text=hi", link],
    ["t.me/ada_l", link],
    ["https://t.me/ada_l.", `${link}.`],
    ["skype:ada.lovelace?call", link],
    ["mailto:ada@example.com", link],
    ["tel:+447700900123", link],
    ["https://www.linkedin.com/in/ada-lovelace/", link],
    ["linkedin.com/in/ada-lovelace", link],
    ["www.instagram.com/ada.codes", link],
    ["discord.gg/abc123", link],
    ["calendly.com/ada/30min", link],
    ["(see https://ada-portfolio.example/work)", `(see ${link})`],
    ["www.ada-portfolio.example", link],
  ])("redacts the link %j", (input, expected) => {
    expect(sanitizeText(input)).toBe(expected);
  });

  it("keeps only contact links with urls: contact, and leaves tool names alone", () => {
    expect(sanitizeText("guidelines at https://docs.example/guide", { urls: "contact" })).toBe(
      "guidelines at https://docs.example/guide",
    );
    expect(sanitizeText("Segments.ai, Label Studio and CVAT")).toBe("Segments.ai, Label Studio and CVAT");
  });

  it.each([
    ["ping @ada_lovelace", "ping [handle redacted]"],
    ["Telegram: ada_l", "[contact redacted]"],
    ["IG: ada.codes.", "[contact redacted]."],
    ["WeChat ID: ada123", "[contact redacted]"],
    ["Discord: ada#1234", "[contact redacted]"],
    ["my telegram is ada_l", "my [contact redacted]"],
    ["Skype: live:ada.lovelace", "[contact redacted]"],
    ["WhatsApp: +44 7700 900123.", "WhatsApp: [phone redacted]."],
  ])("redacts the handle in %j", (input, expected) => {
    expect(sanitizeText(input)).toBe(expected);
  });

  it("redacts the given last names as words, in any case and without accents", () => {
    const opts = { lastNames: ["Lovelace", "Müller", "Van der Merwe", "O'Sullivan"] };
    expect(sanitizeText("Ada Lovelace was great; LOVELACE again.", opts)).toBe(
      "Ada [name redacted] was great; [name redacted] again.",
    );
    expect(sanitizeText("Herr Muller and Frau Müller", opts)).toBe("Herr [name redacted] and Frau [name redacted]");
    expect(sanitizeText("Pieter van der Merwe, or just Merwe", opts)).toBe(
      "Pieter [name redacted], or just [name redacted]",
    );
    expect(sanitizeText("Cian O'Sullivan / OSullivan / Sullivan", opts)).toBe(
      "Cian [name redacted] / [name redacted] / [name redacted]",
    );
    // Particles and words that merely contain a name stay.
    expect(sanitizeText("van der Berg, Lovelaces", opts)).toBe("van der Berg, Lovelaces");
  });

  it("is idempotent", () => {
    const text = "Mail ada@example.com, call +44 7700 900123, wa.me/447700900123, @ada, Lovelace.";
    const once = sanitizeText(text, { lastNames: ["Lovelace"] });
    expect(sanitizeText(once, { lastNames: ["Lovelace"] })).toBe(once);
  });

  // Catastrophic backtracking on these inputs would not finish within the test timeout; how fast
  // the sanitizer is belongs in a benchmark, not in a timed assertion.
  it("finishes on long adversarial input and keeps plain text unchanged", () => {
    for (const chunk of ["a.", "1 ", "a dot ", "@a", "x at y ", "(0) "]) {
      expect(typeof sanitizeText(chunk.repeat(5_000))).toBe("string");
    }
    expect(sanitizeText("a. ".repeat(2_000))).toBe("a. ".repeat(2_000));
  });
});

describe("findContactDetails", () => {
  it.each([
    ["mail ada@example.com or call +44 7700 900123", ["email", "phone"]],
    ["message me on wa.me/447700900123", ["contact_link"]],
    ["see https://docs.example/guide", ["url"]],
    ["ping @ada_l", ["social_handle"]],
    ["Telegram: ada_l", ["social_handle"]],
    ["ada [at] example [dot] com", ["email"]],
    ["We need 1,200 boxes by 2026-03-15, budget $450.", []],
    ["", []],
  ])("%j → %j", (text, kinds) => {
    expect(findContactDetails(text)).toEqual(kinds);
  });
});
