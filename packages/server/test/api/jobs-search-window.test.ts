import { startTestServer, type TestServer } from "@opentrain-ai/testkit";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../src/db/migrate.js";
import { SEARCH_WINDOW } from "../../src/services/jobs/search-public-jobs.js";

/**
 * A text search ranks its SEARCH_WINDOW most recent matches in memory and pages through them.
 * On a marketplace where a term matches more jobs than the window, the pages must be exactly
 * what ranking those matches in SQL gives. PostgreSQL only: on PGlite building the 5,000-job
 * marketplace takes a minute, and nothing here depends on the engine.
 */
let t: TestServer;
const COPIES = 21; // 240 seeded jobs × 22 ≈ 5,280 public jobs

beforeAll(async () => {
  if (!process.env.TEST_DATABASE_URL) return;
  t = await startTestServer();
  const db = t.server.database.db;
  const columns = rowsOf<{ column_name: string }>(
    await db.execute(
      sql`SELECT column_name FROM information_schema.columns WHERE table_name = 'jobs' AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    ),
  ).map((r) => r.column_name);
  const override: Record<string, string> = {
    id: "'job_w' || g || '_' || substr(id, 5)",
    slug: "slug || '-' || g",
    published_at: "published_at - make_interval(hours => g)",
    first_published_at: "published_at - make_interval(hours => g)",
    external_id: "NULL",
    idempotency_key: "NULL",
    idempotency_body_hash: "NULL",
  };
  await db.execute(
    sql.raw(
      `INSERT INTO jobs (${columns.join(", ")}) SELECT ${columns.map((c) => override[c] ?? c).join(", ")}
       FROM jobs, generate_series(1, ${COPIES}) AS g WHERE status = 'OPEN' AND visibility = 'PUBLIC'`,
    ),
  );
}, 120_000);
afterAll(() => t?.close());

/** The most recent matches ranked the way the API promises, straight from SQL. */
async function expected(q: string): Promise<string[]> {
  const query = sql`websearch_to_tsquery('english', ${q})`;
  return rowsOf<{ id: string }>(
    await t.server.database.db.execute(sql`
      SELECT id FROM (
        SELECT id, ts_rank(search_vector, ${query}) AS r, published_at FROM jobs
        WHERE status = 'OPEN' AND visibility = 'PUBLIC' AND search_vector @@ ${query}
        ORDER BY published_at DESC, id DESC LIMIT ${SEARCH_WINDOW}) w
      ORDER BY r DESC, date_trunc('milliseconds', published_at) DESC, id DESC`),
  ).map((r) => r.id);
}

async function allPages(q: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
    const res = await fetch(`${t.baseUrl}/api/public/v1/jobs?q=${encodeURIComponent(q)}&limit=100${after}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { jobs: { id: string }[]; nextCursor: string | null };
    ids.push(...body.jobs.map((j) => j.id));
    cursor = body.nextCursor;
  } while (cursor);
  return ids;
}

describe.skipIf(!process.env.TEST_DATABASE_URL)("GET /jobs?q= when a term matches more jobs than the window", () => {
  it("pages through exactly the most recent matches, ranked", async () => {
    for (const q of ["annotation", "german transcription"]) {
      const want = await expected(q);
      expect(await allPages(q)).toEqual(want);
      // The second pass is served from the cached window and must not differ.
      expect(await allPages(q)).toEqual(want);
    }
    expect(await expected("annotation")).toHaveLength(SEARCH_WINDOW);
  });
});
