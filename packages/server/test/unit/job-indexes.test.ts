import type { FastifyBaseLogger } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.js";
import { migrate } from "../../src/db/migrate.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { seedMarketplace } from "../../src/sandbox/seed/seed-jobs.js";

/**
 * Every list query of the jobs area can be served by an index: with sequential scans disabled,
 * the plan of each query shape the services run names the index meant for it.
 */
let database: Database;
let account = "";
let client: { query: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> };

beforeAll(async () => {
  database = await openDatabase({ dataDir: "memory", databaseUrl: null });
  await migrate(database);
  const config = loadConfig({ OPENTRAIN_DATA_DIR: "memory" });
  await seedMarketplace(
    {
      db: database.db,
      clock: { now: () => new Date() },
      config,
      log: createLogger("silent") as unknown as FastifyBaseLogger,
    },
    { seed: "idx", jobs: 3000 },
  );
  client = (database.db as unknown as { $client: typeof client }).$client;
  const [row] = (await client.query("SELECT account_id FROM jobs LIMIT 1")).rows;
  account = String(row!.account_id);
  await client.query("ANALYZE");
  await client.query("SET enable_seqscan = off");
});
afterAll(() => database?.close());

const PUBLIC = `"jobs"."status" = 'OPEN' AND "jobs"."visibility" = 'PUBLIC'`;

async function plan(sql: string): Promise<string> {
  const res = await client.query(`EXPLAIN ${sql.replace("$ACCOUNT", account)}`);
  return res.rows.map((r) => Object.values(r)[0]).join("\n");
}

describe("jobs list queries are index-served", () => {
  it.each([
    [
      "mine",
      `SELECT * FROM jobs WHERE account_id = '$ACCOUNT' ORDER BY created_at DESC, id DESC LIMIT 26`,
      "jobs_account_created_idx",
    ],
    [
      "mine by status with a cursor",
      `SELECT * FROM jobs WHERE account_id = '$ACCOUNT' AND status = 'OPEN' AND (created_at, id) < (now(), 'x') ORDER BY created_at DESC, id DESC LIMIT 26`,
      /jobs_account_(status_)?created_idx/,
    ],
    [
      "public newest",
      `SELECT * FROM jobs WHERE ${PUBLIC} ORDER BY published_at DESC, id DESC LIMIT 21`,
      "jobs_public_published_idx",
    ],
    [
      "public by category",
      `SELECT * FROM jobs WHERE ${PUBLIC} AND category = 'Audio Annotation' ORDER BY published_at DESC, id DESC LIMIT 21`,
      "jobs_public_category_idx",
    ],
    [
      "public by pay type",
      `SELECT * FROM jobs WHERE ${PUBLIC} AND payment_type = 'FIXED_PRICE' ORDER BY published_at DESC, id DESC LIMIT 21`,
      "jobs_public_pay_type_idx",
    ],
    [
      "public by language",
      `SELECT * FROM jobs WHERE ${PUBLIC} AND languages @> ARRAY['German']::text[] ORDER BY published_at DESC, id DESC LIMIT 21`,
      "jobs_public_languages_idx",
    ],
    [
      "public by country",
      `SELECT * FROM jobs WHERE ${PUBLIC} AND country_keys && ARRAY['JP', '*']::text[] ORDER BY published_at DESC, id DESC LIMIT 21`,
      // Worldwide jobs match every country: walking the newest-first index and filtering is the cheap plan.
      /jobs_public_(country_keys|published)_idx/,
    ],
    [
      "public full text",
      `SELECT * FROM jobs WHERE ${PUBLIC} AND search_vector @@ websearch_to_tsquery('english', 'audio transcription') ORDER BY ts_rank(search_vector, websearch_to_tsquery('english', 'audio transcription')) DESC LIMIT 21`,
      "jobs_public_search_idx",
    ],
    [
      "changes since",
      `SELECT * FROM job_changes WHERE occurred_at >= now() - interval '1 day' ORDER BY occurred_at, id LIMIT 5000`,
      "job_changes_occurred_idx",
    ],
    [
      "publish cap window",
      `SELECT count(*) FROM job_publish_log WHERE account_id = 'a' AND published_at > now() - interval '24 hours'`,
      "job_publish_log_account_idx",
    ],
    [
      "idempotency key",
      `SELECT * FROM jobs WHERE account_id = '$ACCOUNT' AND idempotency_key = 'k' LIMIT 1`,
      "jobs_idempotency_key",
    ],
  ] as [string, string, string | RegExp][])("%s", async (_name, sql, index) => {
    const p = await plan(sql);
    expect(p, p).not.toContain("Seq Scan");
    expect(p, p).toMatch(index);
  });
});
