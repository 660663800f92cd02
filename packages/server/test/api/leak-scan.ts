import type { SeedTrainer } from "../../src/sandbox/trainers/generate.js";
import { findContactDetails } from "../../src/services/privacy/sanitize-text.js";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Every place one of the seeded trainers' private details shows up in the given response texts:
 * email, phone (also as spaced or punctuated digits), legal name, contact details planted in
 * their profile, and the last name as a word (and each of its identifying words).
 */
export function findPrivateDataLeaks(pool: readonly SeedTrainer[], texts: readonly string[]): string[] {
  const leaks: string[] = [];
  for (const { row, planted } of pool) {
    const national = row.phone!.replace(/\D/g, "").slice(-8);
    const needles: [string, RegExp][] = [
      ["email", new RegExp(escape(row.email!), "i")],
      ["phone", new RegExp(escape(row.phone!))],
      ["phone digits", new RegExp(national.split("").join("[\\s().\\-/]*"))],
      ["legal name", new RegExp(escape(row.legalName), "i")],
      ...planted.map((p): [string, RegExp] => ["planted", new RegExp(escape(p), "i")]),
      ...[row.lastName, ...row.lastName.split(/[\s'’-]+/).filter((w) => w.length >= 4)].map((w): [string, RegExp] => [
        "last name",
        new RegExp(`(?<![\\p{L}\\p{N}])${escape(w)}(?![\\p{L}\\p{N}])`, "iu"),
      ]),
    ];
    for (const text of texts) {
      for (const [what, re] of needles) {
        const m = re.exec(text);
        if (m) leaks.push(`${row.id} ${what} "${m[0]}" in …${text.slice(Math.max(0, m.index - 60), m.index + 40)}…`);
      }
    }
  }
  return leaks;
}

/** Keys no masked answer may carry. */
export const PRIVATE_KEYS =
  /^(email|phone|lastName|legalName|perLabel.*|persona.*|assessment.*|sandboxSeed|hoursPerWeek)$/;

/**
 * Every string in `value` that still holds a contact detail, and every private key, as
 * `path: text` lines. Keys ending in `.id` are ids, not text.
 */
export function findContactDetailsIn(
  value: unknown,
  path = "$",
  opts: { forbiddenKeys?: RegExp } = {},
  out: string[] = [],
): string[] {
  const forbidden = opts.forbiddenKeys ?? PRIVATE_KEYS;
  if (typeof value === "string") {
    if (!path.endsWith(".id") && findContactDetails(value).length > 0) out.push(`${path}: ${value}`);
  } else if (Array.isArray(value)) {
    value.forEach((x, i) => findContactDetailsIn(x, `${path}[${i}]`, opts, out));
  } else if (value && typeof value === "object") {
    for (const [k, x] of Object.entries(value)) {
      if (forbidden.test(k)) out.push(`${path}.${k} (key)`);
      findContactDetailsIn(x, `${path}.${k}`, opts, out);
    }
  }
  return out;
}
