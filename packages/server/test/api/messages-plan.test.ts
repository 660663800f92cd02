import { claimedAgent, startTestServer, type TestServer } from "@opentrain-ai/testkit";
import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../src/db/migrate.js";
import { countQuery } from "../../src/services/messages/list-conversations.js";
import { activeTrainers, openThread, read, send, trainerWrites } from "./messages-helpers.js";

/**
 * The per-conversation counts of a GET /messages summary page (unread, needs reply), with
 * EXPLAIN (ANALYZE, BUFFERS), on an inbox of 2,000 one-message conversations plus one thread
 * with a 20,000-message history that the viewer has read up to date. Each count is an index
 * range on messages_conversation_created_idx bounded by the read marker (or the employer's last
 * message): the long history is never read, so the page costs the same however long its threads
 * are (bench/lists.mjs measured 0.8 s per page on a 1M-message thread before). Runs on PGlite and,
 * in the PostgreSQL suite, on PostgreSQL.
 */
let t: TestServer;
let userId: string;
let longThread: string;
let shortThreads: string[];
const HISTORY = 20_000;

beforeAll(async () => {
  t = await startTestServer({ env: { OPENTRAIN_SANDBOX_SEED_JOBS: "0" } });
  const owner = await claimedAgent(t);
  const [trainer] = await activeTrainers(t);
  const thread = await openThread(t, owner, trainer!);
  longThread = thread.conversationId;
  expect((await send(t, owner.token, longThread, "Can you start this week?")).status).toBe(201);
  expect((await trainerWrites(t, trainer!.id, longThread, "Yes, Monday works.")).status).toBe(201);
  const opened = await read(t, owner.token, { conversationId: longThread }); // moves the read marker
  expect(opened.status).toBe(200);
  const me = await read(t, owner.token);
  expect(me.body.conversations[0].unreadCount).toBe(0);
  const db = t.server.database.db;
  const [marker] = rowsOf<{ user_id: string }>(
    await db.execute(sql`SELECT user_id FROM conversation_reads WHERE conversation_id = ${longThread}`),
  );
  userId = marker!.user_id;
  // The history: older than both messages, half of it the trainer's.
  await db.execute(sql`
    INSERT INTO messages (id, conversation_id, sender_kind, sender_id, content, created_at)
    SELECT 'msg_hist_' || g, ${longThread}, CASE WHEN g % 2 = 0 THEN 'EMPLOYER' ELSE 'TRAINER' END, ${trainer!.id},
           'history ' || g, (SELECT min(created_at) FROM messages WHERE conversation_id = ${longThread}) - g * interval '1 second'
    FROM generate_series(1, ${HISTORY}::int) AS g`);
  // The rest of the inbox: post-hire threads with one trainer message each (unread, needing a reply).
  await db.execute(sql`
    INSERT INTO conversations (id, kind, account_id, trainer_id, job_id, last_message_id, last_message_at,
                               last_activity_at, created_at, updated_at)
    SELECT 'cnv_inbox_' || g, 'JOB', c.account_id, c.trainer_id, c.job_id, 'msg_inbox_' || g,
           c.created_at - g * interval '1 minute', c.created_at - g * interval '1 minute', c.created_at, c.created_at
    FROM conversations c, generate_series(1, 2000) AS g WHERE c.id = ${longThread}`);
  await db.execute(sql`
    INSERT INTO messages (id, conversation_id, sender_kind, sender_id, content, created_at)
    SELECT 'msg_inbox_' || g, 'cnv_inbox_' || g, 'TRAINER', ${trainer!.id}, 'hello ' || g,
           (SELECT created_at FROM conversations WHERE id = ${longThread}) - g * interval '1 minute'
    FROM generate_series(1, 2000) AS g`);
  await db.execute(sql`ANALYZE`);
  shortThreads = ["cnv_inbox_1", "cnv_inbox_2", "cnv_inbox_3"];
}, 180_000);
afterAll(() => t?.close());

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows": number;
  "Actual Loops": number;
  "Rows Removed by Filter"?: number;
  Plans?: PlanNode[];
}

const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

async function explain(query: SQL) {
  const res = await t.server.database.db.execute(sql`EXPLAIN (ANALYZE, FORMAT JSON) ${query}`);
  const raw = Object.values(rowsOf<Record<string, unknown>>(res)[0]!)[0];
  const doc = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
  const scans = nodes(doc[0]!.Plan).filter(
    (n) => n["Relation Name"] === "messages" || /messages/.test(n["Index Name"] ?? ""),
  );
  return {
    scans,
    rowsRead: scans.reduce(
      (sum, n) => sum + (n["Actual Rows"] + (n["Rows Removed by Filter"] ?? 0)) * n["Actual Loops"],
      0,
    ),
  };
}

/** The count of each conversation in `ids` order (a conversation without a row counts 0). */
async function counts(query: SQL, ids: readonly string[]): Promise<number[]> {
  const rows = rowsOf<{ conversation_id: string; n: number | string }>(await t.server.database.db.execute(query));
  const byId = new Map(rows.map((r) => [r.conversation_id, Number(r.n)]));
  return ids.map((id) => byId.get(id) ?? 0);
}

describe("GET /messages summary counts", () => {
  it("unread: bounded by the read marker, the read history is not scanned", async () => {
    const ids = [longThread, ...shortThreads];
    expect(await counts(countQuery("unread", ids, userId), ids)).toEqual([0, 1, 1, 1]);
    const plan = await explain(countQuery("unread", ids, userId));
    for (const scan of plan.scans) {
      expect(scan["Node Type"]).not.toBe("Seq Scan");
      expect(scan["Index Name"]).toBe("messages_conversation_created_idx");
    }
    // The marker's own row at most, plus the one message of each short thread.
    expect(plan.rowsRead).toBeLessThanOrEqual(ids.length + 1);
  });

  it("needs reply: bounded by the employer's last message", async () => {
    const ids = [longThread, ...shortThreads];
    expect(await counts(countQuery("needs_reply", ids, userId), ids)).toEqual([1, 1, 1, 1]);
    const plan = await explain(countQuery("needs_reply", ids, userId));
    for (const scan of plan.scans) {
      expect(scan["Node Type"]).not.toBe("Seq Scan");
      expect(scan["Index Name"]).toBe("messages_conversation_created_idx");
    }
    expect(plan.rowsRead).toBeLessThanOrEqual(ids.length + 1);
  });
});
