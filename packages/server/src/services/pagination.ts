import { ApiError } from "../errors.js";

/** Values of the sort key of the last row of a page: e.g. [createdAt ISO, id]. */
export type CursorKey = readonly (string | number)[];

/**
 * Opaque cursors: base64url of a versioned JSON array of the sort key, so a list query can
 * continue with `WHERE (created_at, id) < (…)` from an index instead of OFFSET.
 */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(["v1", ...key])).toString("base64url");
}

/** Decodes a cursor made by encodeCursor; anything else is a 400 that says what to send. */
export function decodeCursor(cursor: string, types: readonly ("string" | "number")[]): (string | number)[] {
  const invalid = () =>
    new ApiError("BAD_REQUEST", "cursor is not valid: pass nextCursor from the previous page unchanged.", {
      field: "cursor",
    });
  if (cursor.length > 512 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed[0] !== "v1" || parsed.length !== types.length + 1) throw invalid();
  const values = parsed.slice(1);
  values.forEach((v, i) => {
    if (typeof v !== types[i]) throw invalid();
    if (typeof v === "number" && !Number.isFinite(v)) throw invalid();
  });
  return values as (string | number)[];
}

/**
 * Turns `limit + 1` fetched rows into a page: the extra row only proves there is more.
 */
export function toPage<T>(
  rows: readonly T[],
  limit: number,
  keyOf: (row: T) => CursorKey,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
