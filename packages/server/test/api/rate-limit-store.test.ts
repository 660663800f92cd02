// The PostgreSQL rate-limit store as two processes see it: every allowed request gets a unique
// position in the window, the positions allowed never pass the limit, and under a generous limit most
// requests are answered from reserved positions instead of a statement each.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.js";
import { PostgresRateLimitStore } from "../../src/db/rate-limit-store.js";

const url = process.env.TEST_DATABASE_URL;
const WINDOW_MS = 3_600_000;

/** A database handle counting the statements sent through `query`. */
function counting(database: Database): { database: Database; statements: () => number } {
  let n = 0;
  const wrapped: Database = {
    ...database,
    query: (name, text, params) => {
      n += 1;
      return database.query(name, text, params);
    },
  };
  return { database: wrapped, statements: () => n };
}

describe.skipIf(!url)("PostgresRateLimitStore across processes", () => {
  let one: Database;
  let two: Database;
  beforeAll(async () => {
    one = await openDatabase({ databaseUrl: url!, dataDir: "memory" });
    two = await openDatabase({ databaseUrl: url!, dataDir: "memory" });
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
  });

  /** Fires `n` requests of one key alternately at two stores, in bursts of 50. */
  async function burst(key: string, limit: number, n: number) {
    const a = counting(one);
    const b = counting(two);
    const stores = [await PostgresRateLimitStore.open(a.database), await PostgresRateLimitStore.open(b.database)];
    const now = Date.now();
    const positions: number[] = [];
    for (let i = 0; i < n; i += 50) {
      const wave = Array.from({ length: Math.min(50, n - i) }, (_, j) =>
        stores[(i + j) % 2]!.increment(key, WINDOW_MS, now, limit),
      );
      positions.push(...(await Promise.all(wave)).map((r) => r.count));
    }
    return { positions, statements: a.statements() + b.statements() };
  }

  it("a tight limit is exact: exactly the limit is allowed, one position each", async () => {
    const { positions } = await burst(`tight-${Date.now()}`, 10, 30);
    // Refused requests past a spent window all report limit + 1; allowed positions are unique.
    expect(new Set(positions.filter((p) => p <= 10))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
  });

  it("near the limit, reservations never pass it and hold back only a small share", async () => {
    const limit = 2_000;
    const { positions, statements } = await burst(`near-${Date.now()}`, limit, 3_000);
    const allowed = positions.filter((p) => p <= limit);
    // Positions handed out are unique, so the allowed ones cannot pass the limit...
    expect(new Set(allowed).size).toBe(allowed.length);
    expect(allowed.length).toBeLessThanOrEqual(limit);
    // ...and what one process reserved but the other needed is a small share of the window.
    expect(allowed.length).toBeGreaterThan(limit * 0.95);
    // Once spent, the window is refused from memory: far fewer statements than requests.
    expect(statements).toBeLessThan(300);
  });

  it("a generous limit costs a few statements for thousands of requests", async () => {
    const { positions, statements } = await burst(`generous-${Date.now()}`, 1_000_000, 3_000);
    expect(positions.every((p) => p <= 1_000_000)).toBe(true);
    expect(new Set(positions).size).toBe(3_000);
    expect(statements).toBeLessThan(10);
  });
});
