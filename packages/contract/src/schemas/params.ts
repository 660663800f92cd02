import { z } from "zod";

/** A path or body id: non-empty, at most `max` characters. */
export function idParam(description: string, max = 64) {
  return z.string().trim().min(1).max(max).describe(description);
}

/**
 * Enum filter that matches case-insensitively: the value is upper-cased (and, with
 * `underscoreSeparators`, spaces and hyphens become `_`) before it is checked.
 * Input side is a plain string, so JSON Schema (io: "input") shows `type: string`.
 */
export function caseInsensitiveEnum<const T extends readonly [string, ...string[]]>(
  values: T,
  opts: { underscoreSeparators?: boolean } = {},
) {
  return z
    .string()
    .transform((v) => {
      const upper = v.trim().toUpperCase();
      return opts.underscoreSeparators ? upper.replace(/[\s-]+/g, "_") : upper;
    })
    .pipe(z.enum(values));
}

/** Date or date-time text that `Date.parse` understands (e.g. `2026-07-01` or an ISO timestamp). */
export const isoDateInput = z
  .string()
  .trim()
  .min(1)
  .refine((v) => !Number.isNaN(Date.parse(v)), "Use an ISO 8601 date such as 2026-07-01");
