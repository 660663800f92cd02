import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.js";
import { migrate } from "../../src/db/migrate.js";

/**
 * The messaging queries can be served by their indexes: with sequential scans disabled, the
 * plan of each query shape the services run names the index meant for it.
 */
let database: Database;
let client: { query: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> };

beforeAll(async () => {
  database = await openDatabase({ dataDir: "memory", databaseUrl: null });
  await migrate(database);
  client = (database.db as unknown as { $client: typeof client }).$client;
  await client.query("SET enable_seqscan = off");
});
afterAll(() => database?.close());

async function plan(sql: string): Promise<string> {
  const res = await client.query(`EXPLAIN ${sql}`);
  return res.rows.map((r) => Object.values(r)[0]).join("\n");
}

describe("messaging queries are index-served", () => {
  it.each([
    [
      "summaries",
      `SELECT * FROM conversations WHERE account_id = 'a' AND (last_activity_at, id) < (now(), 'x') ORDER BY last_activity_at DESC, id DESC LIMIT 21`,
      "conversations_account_activity_idx",
    ],
    [
      "summaries of one bucket",
      `SELECT * FROM conversations WHERE account_id = 'a' AND kind = 'PROPOSAL' ORDER BY last_activity_at DESC, id DESC LIMIT 21`,
      "conversations_account_kind_activity_idx",
    ],
    [
      "the pre-hire thread of a proposal",
      `SELECT id FROM conversations WHERE kind = 'PROPOSAL' AND proposal_id = 'p' LIMIT 1`,
      "conversations_kind_proposal_key",
    ],
    [
      "a conversation page, older",
      `SELECT * FROM messages WHERE conversation_id = 'c' AND (created_at, id) < (now(), 'x') ORDER BY created_at DESC, id DESC LIMIT 21`,
      "messages_conversation_created_idx",
    ],
    [
      "a conversation page, newer",
      `SELECT * FROM messages WHERE conversation_id = 'c' AND (created_at, id) > (now(), 'x') ORDER BY created_at, id LIMIT 21`,
      "messages_conversation_created_idx",
    ],
    [
      "the rate-limit window",
      `SELECT created_at FROM messages WHERE conversation_id = 'c' AND created_at > now() - interval '1 hour' AND sender_kind = 'EMPLOYER' ORDER BY created_at, id`,
      "messages_conversation_created_idx",
    ],
    [
      "unread counts",
      `SELECT conversation_id, count(*) FROM messages WHERE conversation_id IN ('c1', 'c2') AND sender_kind = 'TRAINER' AND created_at > now() GROUP BY conversation_id`,
      "messages_conversation_created_idx",
    ],
  ])("%s", async (_name, sql, index) => {
    expect(await plan(sql)).toContain(index);
  });
});
