import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FALLBACK_NAME, maskName } from "../../src/services/privacy/mask-name.js";
import { findContactDetails, sanitizeText } from "../../src/services/privacy/sanitize-text.js";

/** A common, independent notion of an email address. */
const EMAIL_SHAPE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

const word = fc.constantFrom(
  "label",
  "review",
  "images",
  "the",
  "quality",
  "and",
  "Ada",
  "boxes",
  "fast",
  "team",
  "call",
  "me",
  "email",
  "phone",
  "on",
  "or",
  "at",
  "dot",
  "www",
  "(",
  ")",
  ",",
  ".",
  "-",
  ":",
  "+",
);

const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);
const email = fc
  .tuple(
    fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9._+-]{0,14}[a-zA-Z0-9]$/),
    fc.array(label, { minLength: 1, maxLength: 3 }),
    fc.constantFrom("com", "org", "net", "example", "co.uk", "io"),
  )
  .map(([local, labels, tld]) => `${local}@${labels.join(".")}.${tld}`);

/** Phone numbers the way people write them: +CC or 00CC or a local 0, groups, assorted separators. */
const phone = fc
  .tuple(
    fc.constantFrom("+", "00", "0", "(0", "+ "),
    fc.integer({ min: 1, max: 998 }),
    fc.array(fc.stringMatching(/^[0-9]{1,4}$/), { minLength: 2, maxLength: 5 }),
    fc.constantFrom(" ", "-", ".", " - ", "/", "", "\u00a0"),
  )
  .filter(([, , groups]) => groups.join("").length >= 7)
  .map(([prefix, cc, groups, sep]) => {
    if (prefix.startsWith("(0")) return `(0${groups[0]}) ${groups.slice(1).join(sep)}`;
    if (prefix === "0") return `0${groups.join(sep)}`;
    return `${prefix}${cc} ${groups.join(sep)}`;
  })
  // A local number that reads as a date or a list of years is one (isPhoneLike keeps those).
  .filter(
    (p) =>
      !/^\d{1,2}([-./])\d{1,2}\1(19|20)\d\d$/.test(p) &&
      !/^(19|20)\d\d([-./])\d{1,2}\2\d{1,2}$/.test(p) &&
      !p
        .split(/\D+/)
        .filter(Boolean)
        .every((g) => /^(19|20)\d\d$/.test(g)),
  );

const textWith = (contact: fc.Arbitrary<string>) =>
  fc
    .tuple(
      fc.array(word, { maxLength: 12 }),
      fc.array(contact, { minLength: 1, maxLength: 3 }),
      fc.array(word, { maxLength: 12 }),
    )
    .map(([before, contacts, after]) =>
      [...before, ...contacts.flatMap((c) => [c, ...before.slice(0, 2)]), ...after].join(" "),
    );

describe("sanitizeText properties", () => {
  it("leaves no contact detail that findContactDetails sees, for any text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        expect(findContactDetails(sanitizeText(s))).toEqual([]);
      }),
      { numRuns: 2_000 },
    );
  });

  it("also for any text over a contact-heavy alphabet", () => {
    const alphabet = fc.constantFrom(..."aZ09+-.() @[]/:_#w".split(""), "at", " dot ", "www.", "https://", "wa.me/");
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 60 }).map((a) => a.join("")),
        (s) => {
          expect(findContactDetails(sanitizeText(s))).toEqual([]);
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it("never lets an injected email address through", () => {
    fc.assert(
      fc.property(textWith(email), (text) => {
        const out = sanitizeText(text);
        expect(out).not.toMatch(EMAIL_SHAPE);
        expect(out).not.toContain("@");
      }),
      { numRuns: 1_000 },
    );
  });

  it("never lets a digit of an injected phone number through (the surrounding words have none)", () => {
    fc.assert(
      fc.property(textWith(phone), (text) => {
        expect(sanitizeText(text)).not.toMatch(/\d/);
      }),
      { numRuns: 1_000 },
    );
  });

  it("redacts a given last name wherever it stands as a word, in any case", () => {
    const markerWords = ["email", "phone", "link", "contact", "handle", "name", "redacted"];
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z][a-z]{2,12}$/).filter((n) => !markerWords.includes(n.toLowerCase())),
        fc.array(word, { maxLength: 10 }),
        fc.constantFrom(
          (n: string) => n,
          (n: string) => n.toUpperCase(),
          (n: string) => n.toLowerCase(),
        ),
        (last, words, casing) => {
          const text = [...words, casing(last), ...words.reverse()].join(" ");
          const out = sanitizeText(text, { lastNames: [last] });
          expect(out.toLowerCase()).not.toMatch(new RegExp(`(?<![a-z])${last.toLowerCase()}(?![a-z])`));
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 120 }), textWith(fc.oneof(email, phone))), (s) => {
        const once = sanitizeText(s, { lastNames: ["Lovelace"] });
        expect(sanitizeText(once, { lastNames: ["Lovelace"] })).toBe(once);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe("maskName properties", () => {
  const lettersOnly = (s: string) => s.replace(/[^\p{L}]/gu, "").toLowerCase();

  it("never reveals more of the last name than its initial", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 30 }), fc.stringMatching(/^[A-Za-z]{1,10}( [A-Za-z]{1,10}){0,2}$/)),
        fc.stringMatching(/^[A-Za-z]{2,12}( [A-Za-z]{2,12})?$/),
        fc.boolean(),
        (firstRaw, last, embed) => {
          const first = embed ? `${firstRaw} ${last}` : firstRaw;
          const m = maskName(first, last);
          expect(m.lastNameInitial).toMatch(/^(?:\p{L}\.)?$/u);
          if (m.displayName === FALLBACK_NAME) {
            expect(m).toEqual({ displayName: FALLBACK_NAME, firstName: FALLBACK_NAME, lastNameInitial: "" });
            return;
          }
          expect(m.displayName).toBe(m.lastNameInitial ? `${m.firstName} ${m.lastNameInitial}` : m.firstName);
          const shown = m.firstName.split(" ").map(lettersOnly);
          for (const part of last.split(" ").map(lettersOnly)) {
            for (const w of shown) {
              expect(w).not.toBe(part);
              if (part.length >= 4) expect(w).not.toContain(part);
            }
          }
          expect(findContactDetails(m.displayName)).toEqual([]);
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it("answers the Freelancer fallback only when the first name has no usable word", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z][a-z]{1,10}$/), fc.stringMatching(/^[A-Z][a-z]{3,10}$/), (first, last) => {
        fc.pre(!first.toLowerCase().includes(last.toLowerCase()));
        expect(maskName(first, last)).toEqual({
          displayName: `${first} ${last[0]}.`,
          firstName: first,
          lastNameInitial: `${last[0]}.`,
        });
      }),
    );
  });
});
