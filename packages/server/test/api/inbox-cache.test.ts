// GET /messages (the conversation list) is answered from a per-process cache
// (services/messages/inbox-cache.ts): every write that changes a list must show in the very next
// answer of the writing process, and a write from anywhere else (another process, SQL) once its
// notice arrives (migration 0011's triggers).
import { claimedAgent, startTestServer, type ClaimedAgent, type TestServer } from "@opentrain-ai/testkit";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INBOX_CHANGES_CHANNEL } from "../../src/services/messages/inbox-cache.js";
import { activeTrainers, openThread, read, send, trainerWrites, type Thread } from "./messages-helpers.js";

interface Summary {
  id: string;
  unreadCount: number;
  needsReplyCount: number;
  readOnly: boolean;
  lastMessage: { id: string; content: string } | null;
}

const summaries = async (t: TestServer, agent: ClaimedAgent, query: Record<string, string | boolean> = {}) => {
  const res = await read(t, agent.token, query);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.conversations as Summary[];
};

async function eventually<T>(ask: () => Promise<T>, done: (v: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await ask();
    if (done(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("GET /messages conversation list cache", () => {
  let t: TestServer;
  let agent: ClaimedAgent;
  let thread: Thread;
  beforeAll(async () => {
    t = await startTestServer();
    agent = await claimedAgent(t);
    const [trainer] = await activeTrainers(t);
    thread = await openThread(t, agent, trainer!);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("shows every write of this process in its very next answer", async () => {
    const [empty] = await summaries(t, agent);
    expect(empty).toMatchObject({ id: thread.conversationId, lastMessage: null, unreadCount: 0 });
    expect(await summaries(t, agent)).toEqual([empty]); // the same answer again (cached)

    // The employer side writes first (pre-hire rule); then the trainer answers.
    const sent = await send(t, agent.token, thread.conversationId, "Hi! The guidelines follow.");
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect((await summaries(t, agent))[0]).toMatchObject({
      needsReplyCount: 0,
      lastMessage: { content: "Hi! The guidelines follow." },
    });

    const wrote = await trainerWrites(t, thread.trainer.id, thread.conversationId, "Hello, happy to help.");
    expect(wrote.status, JSON.stringify(wrote.body)).toBe(201);
    const [unread] = await summaries(t, agent);
    expect(unread).toMatchObject({
      unreadCount: 1,
      needsReplyCount: 1,
      lastMessage: { content: "Hello, happy to help." },
    });
    expect(await summaries(t, agent, { unreadOnly: true })).toHaveLength(1);

    // Reading the conversation moves the read marker.
    expect((await read(t, agent.token, { conversationId: thread.conversationId })).status).toBe(200);
    expect((await summaries(t, agent))[0]).toMatchObject({ unreadCount: 0, needsReplyCount: 1 });
    expect(await summaries(t, agent, { unreadOnly: true })).toEqual([]);
  });

  it("shows a write made straight in the database once its notice arrives", async () => {
    const before = (await summaries(t, agent))[0]!;
    await t.server.database.db.execute(sql`
      INSERT INTO messages (id, conversation_id, sender_kind, sender_id, content, created_at)
      VALUES ('msg_inbox_sql', ${thread.conversationId}, 'TRAINER', ${thread.trainer.id}, 'Written by another writer',
              now() + interval '1 day')`);
    const after = await eventually(
      () => summaries(t, agent),
      (s) => s[0]?.unreadCount === before.unreadCount + 1,
    );
    expect(after[0]).toMatchObject({ unreadCount: before.unreadCount + 1 });
  });

  it("notices name the account of a conversation, message or read marker written, and * for a trainer", async () => {
    const heard: string[] = [];
    const stop = await t.server.database.listen(INBOX_CHANGES_CHANNEL, {
      // Other suites may write on a shared PostgreSQL: keep this account's notices and `*`.
      onNotify: (payload) => {
        if (payload === agent.accountId || payload === "*") heard.push(payload);
      },
      onLive: () => {},
    });
    try {
      const db = t.server.database.db;
      const writes = [
        sql`UPDATE conversations SET updated_at = updated_at WHERE id = ${thread.conversationId}`,
        sql`UPDATE conversation_reads SET updated_at = updated_at WHERE conversation_id = ${thread.conversationId}`,
        sql`UPDATE messages SET content = content WHERE id = 'msg_inbox_sql'`,
        sql`UPDATE trainers SET first_name = first_name WHERE id = ${thread.trainer.id}`,
      ];
      for (const [i, write] of writes.entries()) {
        await db.execute(write);
        await eventually(
          async () => heard.length,
          (n) => n > i,
        );
      }
      expect(heard).toEqual([agent.accountId, agent.accountId, agent.accountId, "*"]);
    } finally {
      await stop();
    }
  });
});

describe("OPENTRAIN_READ_CACHES=off", () => {
  let t: TestServer;
  afterAll(async () => {
    await t?.close();
  });

  it("answers every list from the database", async () => {
    t = await startTestServer({ env: { OPENTRAIN_READ_CACHES: "off" } });
    const agent = await claimedAgent(t);
    const [trainer] = await activeTrainers(t);
    const thread = await openThread(t, agent, trainer!);
    expect((await summaries(t, agent))[0]).toMatchObject({ unreadCount: 0 });
    await t.server.database.db.execute(sql`
      INSERT INTO messages (id, conversation_id, sender_kind, sender_id, content, created_at)
      VALUES ('msg_inbox_off', ${thread.conversationId}, 'TRAINER', ${trainer!.id}, 'No notice needed', now() + interval '1 day')`);
    // No waiting: nothing was cached.
    expect((await summaries(t, agent))[0]).toMatchObject({ unreadCount: 1 });
  });
});
