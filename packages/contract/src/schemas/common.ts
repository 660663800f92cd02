import { z } from "zod";

/** ISO 8601 timestamp with milliseconds and `Z`. */
export const isoTimestamp = z.iso.datetime({ offset: false }).describe("ISO 8601 timestamp (UTC)");

/** Opaque pagination cursor. */
export const cursorParam = z.string().min(1).max(512).describe("nextCursor from a previous page");

/** `limit` query parameter; query strings arrive as text, so numbers are coerced. */
export function limitParam(max: number, defaultValue: number) {
  return z.coerce.number().int().min(1).max(max).describe(`Page size, 1–${max} (default ${defaultValue})`);
}

/** Boolean query parameter accepting `true`/`false`/`1`/`0`. */
export const booleanQuery = z
  .union([z.boolean(), z.enum(["true", "false", "1", "0"])])
  .transform((v) => v === true || v === "true" || v === "1");

export const emailSchema = z.email().max(254);

/** `nextCursor` of a paginated list; null at the end. */
export const nextCursor = z.string().nullable();

/** Objects whose full shape arrives with a later issue are described loosely until then. */
export const looseObject = z.looseObject({});
