import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/errors.js";
import { decodeCursor, encodeCursor, toPage } from "../../src/services/pagination.js";

describe("cursor pagination", () => {
  it("round-trips any sort key", () => {
    fc.assert(
      fc.property(fc.string(), fc.integer(), (s, n) => {
        expect(decodeCursor(encodeCursor([s, n]), ["string", "number"])).toEqual([s, n]);
      }),
    );
  });

  it("rejects anything that is not one of its cursors with a 400 naming the field", () => {
    for (const bad of [
      "",
      "!!",
      "abc",
      encodeCursor(["x"]),
      Buffer.from('["v0","x"]').toString("base64url"),
      "a".repeat(600),
    ]) {
      try {
        decodeCursor(bad, ["string", "number"]);
        expect.unreachable(bad);
      } catch (err) {
        expect(err).toBeInstanceOf(ApiError);
        expect((err as ApiError).details).toEqual({ field: "cursor" });
      }
    }
    expect(() => decodeCursor(encodeCursor(["x", "not a number"]), ["string", "number"])).toThrow(ApiError);
  });

  it("uses the extra row only to say there is a next page", () => {
    const rows = [1, 2, 3, 4];
    expect(toPage(rows, 3, (r) => [r])).toEqual({ items: [1, 2, 3], nextCursor: encodeCursor([3]) });
    expect(toPage(rows.slice(0, 3), 3, (r) => [r])).toEqual({ items: [1, 2, 3], nextCursor: null });
    expect(toPage([], 3, (r: number) => [r])).toEqual({ items: [], nextCursor: null });
  });
});
