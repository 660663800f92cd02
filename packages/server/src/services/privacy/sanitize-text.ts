import { DETECTORS, MARKERS, normalizeForScan, redactWith, type ContactDetailKind } from "./contact-patterns.js";

export type { ContactDetailKind } from "./contact-patterns.js";

export interface SanitizeOptions {
  /**
   * Full last names to redact (the trainer's own, or every participant's): each is removed as a
   * whole phrase and as its distinctive words, case- and accent-insensitively.
   */
  lastNames?: readonly string[];
  /**
   * `all` (default) redacts every web address written with a scheme or `www.`; `contact` only
   * messaging, calling and social-profile links.
   */
  urls?: "all" | "contact";
}

/** Name particles that are not identifying on their own ("van", "de", "bin" …). */
const PARTICLES = new Set([
  "al",
  "ap",
  "bin",
  "binti",
  "da",
  "das",
  "de",
  "del",
  "della",
  "der",
  "di",
  "do",
  "dos",
  "du",
  "el",
  "la",
  "le",
  "mac",
  "mc",
  "st",
  "te",
  "ten",
  "ter",
  "van",
  "von",
  "y",
]);

const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}]`;

/** One character: itself, or its letter without accents (Müller matches Muller). */
function charClass(ch: string): string {
  const base = ch.normalize("NFKD").replace(/\p{M}/gu, "");
  const esc = (c: string) => c.replace(/[\\\]^-]/g, "\\$&");
  if (/\s/.test(ch)) return String.raw`[\s\-]+`;
  if (/[-'’]/.test(ch)) return String.raw`[\s\-'’]?`;
  return base && base !== ch ? `[${esc(ch)}${esc(base)}]` : ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Phrases to redact for a last name: the whole name, then its identifying words (≥ 3 letters, no particles). */
export function namePhrases(lastName: string): string[] {
  const clean = normalizeForScan(lastName).trim().replace(/\s+/g, " ");
  if ([...clean.replace(/[^\p{L}]/gu, "")].length < 2) return [];
  const words = clean
    .split(/[\s\-'’]+/)
    .filter((w) => [...w.replace(/[^\p{L}]/gu, "")].length >= 3 && !PARTICLES.has(w.toLowerCase()));
  return [...new Set([clean, ...words])].sort((a, b) => b.length - a.length);
}

const nameRegexCache = new Map<string, RegExp | null>();

/** One regex for all given last names; cached, since a profile sanitizes dozens of fields with the same names. */
function nameRegex(lastNames: readonly string[]): RegExp | null {
  const key = lastNames.join("\u0000");
  if (nameRegexCache.has(key)) return nameRegexCache.get(key)!;
  const re = buildNameRegex(lastNames);
  if (nameRegexCache.size >= 1000) nameRegexCache.delete(nameRegexCache.keys().next().value!);
  nameRegexCache.set(key, re);
  return re;
}

function buildNameRegex(lastNames: readonly string[]): RegExp | null {
  const phrases = [...new Set(lastNames.flatMap(namePhrases))].sort((a, b) => b.length - a.length);
  if (phrases.length === 0) return null;
  const alternatives = phrases.map((p) => [...p].map(charClass).join(""));
  return new RegExp(`(?<!${WORD_CHAR})(?:${alternatives.join("|")})(?!${WORD_CHAR})`, "giu");
}

/**
 * Removes personal contact details from free text: email addresses (also "ana [at] host [dot]
 * com"), phone numbers in international and local formats, messaging / calling / social links
 * (wa.me, t.me, skype:, linkedin.com/in/…), other web addresses, social handles, and the given
 * last names. Each is replaced by a marker such as `[email redacted]`. The text is NFKC-normalised
 * and invisible characters are dropped first, so fullwidth digits or zero-width spaces do not
 * slip through. Idempotent.
 */
export function sanitizeText(text: string, opts: SanitizeOptions = {}): string {
  let out = normalizeForScan(text);
  const detectors = DETECTORS.filter((d) => opts.urls !== "contact" || d.kind !== "url");
  // Removing one match can join its neighbours into a new one: repeat until nothing changes.
  for (let round = 0; round < 20; round++) {
    let changed = false;
    for (const d of detectors) {
      const r = redactWith(out, d);
      out = r.text;
      changed ||= r.found;
    }
    if (!changed) break;
  }
  const names = opts.lastNames && opts.lastNames.length > 0 ? nameRegex(opts.lastNames) : null;
  if (names) out = out.replace(names, MARKERS.name);
  return out;
}

/** `sanitizeText` for optional fields. */
export function sanitizeOptional(text: string | null | undefined, opts: SanitizeOptions = {}): string | null {
  return text === null || text === undefined ? null : sanitizeText(text, opts);
}

/**
 * The kinds of contact details a text contains (empty when none), for content policies that
 * refuse such a message instead of redacting it. `url` is any other web address; a policy may
 * allow it where links are expected.
 */
export function findContactDetails(text: string): ContactDetailKind[] {
  let scan = normalizeForScan(text);
  const kinds = new Set<ContactDetailKind>();
  // Same order as redaction: a link is reported once, not again as the email or digits inside it.
  for (const d of DETECTORS) {
    const r = redactWith(scan, d);
    if (r.found) kinds.add(d.kind);
    scan = r.text;
  }
  return [...kinds].sort();
}
