import { findContactDetails } from "./sanitize-text.js";
import { normalizeForScan } from "./contact-patterns.js";

/** What the API shows of a trainer's name (spec 10 §14, spec 30 §0.4). */
export interface MaskedName {
  /** First name + last initial ("Ada L."), or "Freelancer". */
  displayName: string;
  firstName: string;
  /** "L." (with the dot), or "" when there is no usable last name. */
  lastNameInitial: string;
}

export const FALLBACK_NAME = "Freelancer";
const MAX_FIRST_NAME = 40;

const clean = (s: string | null | undefined) =>
  normalizeForScan(s ?? "")
    .replace(/\p{C}/gu, " ")
    .replace(/\s+/g, " ")
    .trim();

const lettersOf = (s: string) => s.replace(/[^\p{L}]/gu, "").toLocaleLowerCase("en");

/** A name word: letters (with marks), inner apostrophes, hyphens and dots ("Mary-Jo", "O'Neil", "J."). */
const NAME_WORD = /^\p{L}[\p{L}\p{M}'’.-]*$/u;

/**
 * First name + last initial. The first name keeps only name words, and drops any word that is
 * (or, for last names of 4+ letters, contains) the last name, so a full name typed into the
 * first-name field is not revealed. Without a usable first name the answer is "Freelancer".
 */
export function maskName(first: string | null | undefined, last: string | null | undefined): MaskedName {
  const lastClean = clean(last);
  const lastWords = lastClean
    .split(/[\s\-'’]+/)
    .map(lettersOf)
    .filter((w) => w.length >= 2);
  const firstClean = clean(first);
  const firstWords =
    firstClean && findContactDetails(firstClean).length === 0
      ? firstClean.split(" ").filter((w) => {
          if (!NAME_WORD.test(w)) return false;
          const letters = lettersOf(w);
          return !lastWords.some((l) => letters === l || (l.length >= 4 && letters.includes(l)));
        })
      : [];
  let firstName = "";
  for (const w of firstWords) {
    const next = firstName ? `${firstName} ${w}` : w;
    if (next.length > MAX_FIRST_NAME) break;
    firstName = next;
  }
  if (!firstName) return { displayName: FALLBACK_NAME, firstName: FALLBACK_NAME, lastNameInitial: "" };
  const initialLetter = /\p{L}/u.exec(lastClean)?.[0];
  const upper = initialLetter?.toLocaleUpperCase("en");
  // One letter only, even where upper-casing makes two (ß → SS).
  const lastNameInitial = initialLetter ? `${[...upper!].length === 1 ? upper : initialLetter}.` : "";
  return { displayName: lastNameInitial ? `${firstName} ${lastNameInitial}` : firstName, firstName, lastNameInitial };
}
