import { http, sandbox, type ClaimedAgent, type TestServer } from "@opentrain-ai/testkit";
import { and, asc, eq, sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import { expect } from "vitest";
import { EXPECTED_UNREADS_SQL } from "../../src/db/expected-unreads.js";
import { rowsOf } from "../../src/db/migrate.js";
import { messages, simulationTasks, trainers, type TrainerRow } from "../../src/db/schema.js";
import type { ServiceContext } from "../../src/services/context.js";
import { broadJob, publishJob, trainerApplies } from "./proposals-helpers.js";

/** Every raw response body of the messaging API a suite saw, for its leak scan. */
export const seenTexts: string[] = [];

/** A Public API call whose response text is kept for the leak scan. */
export async function call(t: TestServer, method: string, path: string, token: string | null, json?: unknown) {
  const res = await http(t.baseUrl, method, `/api/public/v1${path}`, { token, json });
  seenTexts.push(JSON.stringify(res.body));
  return res;
}

export const send = (t: TestServer, token: string, conversationId: string, content: string) =>
  call(t, "POST", "/messages", token, { conversationId, content });

export const read = (t: TestServer, token: string, query: Record<string, string | number | boolean> = {}) => {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  return call(t, "GET", `/messages${qs ? `?${qs}` : ""}`, token);
};

export const startThread = (t: TestServer, token: string, proposalId: string) =>
  call(t, "POST", `/proposals/${proposalId}/conversation`, token, {});

/** The sandbox helper "trainer writes". */
export async function trainerWrites(t: TestServer, trainerId: string, conversationId: string, content: string) {
  const res = await sandbox(t, "POST", `/trainers/${trainerId}/messages`, { conversationId, content });
  seenTexts.push(JSON.stringify(res.body));
  return res;
}

export async function advance(t: TestServer, duration: string) {
  const res = await sandbox(t, "POST", "/clock/advance", { duration });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

export const ctxOf = (t: TestServer): ServiceContext => ({
  db: t.server.database.db,
  clock: t.server.clock,
  config: t.server.config,
  log: t.server.app.log as FastifyBaseLogger,
});

/** Active sandbox trainers straight from the table (id order), private fields included. */
export async function activeTrainers(t: TestServer): Promise<TrainerRow[]> {
  return t.server.database.db.select().from(trainers).where(eq(trainers.status, "ACTIVE")).orderBy(asc(trainers.id));
}

export interface Thread {
  jobId: string;
  proposalId: string;
  conversationId: string;
  trainer: TrainerRow;
}

/**
 * An invite-only job of the owner (the simulator sends it no organic applicants), the trainer's
 * application through the sandbox helper, and the pre-hire thread.
 */
export async function openThread(
  t: TestServer,
  owner: ClaimedAgent,
  trainer: TrainerRow,
  job: Record<string, unknown> = {},
  jobId?: string,
): Promise<Thread> {
  const id = jobId ?? (await publishJob(t, owner.token, broadJob({ visibility: "INVITE_ONLY", ...job })));
  const applied = await trainerApplies(t, trainer.id, id);
  expect(applied.status, JSON.stringify(applied.body)).toBe(201);
  const started = await startThread(t, owner.token, applied.body.proposalId);
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  return { jobId: id, proposalId: applied.body.proposalId, conversationId: started.body.conversationId, trainer };
}

/** The stored messages of a conversation, oldest first. */
export function storedMessages(t: TestServer, conversationId: string) {
  return t.server.database.db
    .select()
    .from(messages)
    .where(eq(messages.conversationId, conversationId))
    .orderBy(asc(messages.createdAt), asc(messages.id));
}

/** The reply task scheduled for an employer message. */
export async function replyTaskOf(t: TestServer, messageId: string) {
  const [task] = await t.server.database.db
    .select()
    .from(simulationTasks)
    .where(and(eq(simulationTasks.key, `reply:${messageId}`)))
    .limit(1);
  return task ?? null;
}

/**
 * The trigger-kept unread set (conversation_unreads, migration 0010) equals its definition for
 * every member and conversation of the database: a trainer message after the member's read
 * marker (any, without a marker), with the conversation's activity time.
 */
export async function auditUnreads(t: TestServer): Promise<void> {
  const drift = rowsOf<Record<string, string>>(
    await t.server.database.db.execute(sql`
      WITH expected AS (${sql.raw(EXPECTED_UNREADS_SQL)}),
      kept AS (SELECT user_id, conversation_id, account_id, last_activity_at FROM conversation_unreads)
      (SELECT 'missing' AS drift, * FROM (SELECT * FROM expected EXCEPT SELECT * FROM kept) a)
      UNION ALL
      (SELECT 'extra' AS drift, * FROM (SELECT * FROM kept EXCEPT SELECT * FROM expected) b)`),
  );
  expect(drift, "conversation_unreads differs from its definition").toEqual([]);
}
