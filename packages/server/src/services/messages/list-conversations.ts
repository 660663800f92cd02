import type { ConversationSummary } from "@opentrain-ai/contract";
import { and, desc, eq, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { iso } from "../../clock.js";
import type { Db } from "../../db/client.js";
import { prepared } from "../../db/prepared.js";
import { conversationReads, conversations, messages, trainers, type MessageRow } from "../../db/schema.js";
import type { Principal, ServiceContext } from "../context.js";
import { cursorDate } from "../jobs/cursor.js";
import { decodeCursor, toPage } from "../pagination.js";
import { toSummary } from "./conversation-view.js";

export interface ListConversationsInput {
  filter?: "all" | "job" | "proposal";
  unreadOnly?: boolean;
  limit?: number;
  cursor?: string;
}

/** Messages to the viewer after their read marker (the trainer's; the employer side's own are never unread). */
const unreadAfterMarker = (viewerUserId: SQLWrapper | string) => sql`
  ${messages.senderKind} = 'TRAINER' AND (${messages.createdAt}, ${messages.id} COLLATE "C") > (
    COALESCE((SELECT r.last_read_at FROM ${conversationReads} r
              WHERE r.conversation_id = ${messages.conversationId} AND r.user_id = ${viewerUserId}), '-infinity'::timestamptz),
    COALESCE((SELECT r.last_read_message_id FROM ${conversationReads} r
              WHERE r.conversation_id = ${messages.conversationId} AND r.user_id = ${viewerUserId}), '') COLLATE "C")`;

/**
 * GET /messages without conversationId: the account's conversations, most recent activity
 * first (keyset over (last_activity_at, id), served by conversations_account_activity_idx or,
 * with a filter, conversations_account_kind_activity_idx). `filter` proposal = pre-hire threads,
 * job = post-hire direct messages. `unreadOnly` keeps threads with a message to the viewer after
 * their read marker. Each summary carries the masked trainer, a sanitized preview of the last
 * message, `unreadCount` and `needsReplyCount` (trainer messages since the employer side last
 * wrote), counted for the page only. Pure read.
 */
export async function listConversations(
  ctx: ServiceContext,
  principal: Principal,
  input: ListConversationsInput,
): Promise<{ conversations: ConversationSummary[]; nextCursor: string | null }> {
  const limit = input.limit ?? 20;
  const values: Record<string, unknown> = {
    accountId: principal.accountId,
    userId: principal.userId,
    limit: limit + 1,
  };
  if (input.cursor) {
    const [at, id] = decodeCursor(input.cursor, ["string", "string"]) as [string, string];
    values.cursorAt = iso(cursorDate(at));
    values.cursorId = id;
  }
  const shape = { filter: input.filter ?? "all", cursor: Boolean(input.cursor), unreadOnly: Boolean(input.unreadOnly) };
  const name = `opentrain_list_conversations_${shape.filter}_${Number(shape.cursor)}${Number(shape.unreadOnly)}`;
  const rows = await prepared(ctx.db, name, (db) => pageQuery(db, shape).prepare(name)).execute(values);
  const page = toPage(rows, limit, (r) => [iso(r.conversation.lastActivityAt), r.conversation.id]);
  const ids = page.items.map((r) => r.conversation.id);
  const lastIds = page.items.map((r) => r.conversation.lastMessageId).filter((id): id is string => id !== null);
  if (ids.length === 0) return { conversations: [], nextCursor: page.nextCursor };
  const [lastMessages, unread, needsReply] = await Promise.all([
    lastIds.length > 0
      ? prepared(ctx.db, "opentrain_messages_by_ids", (db, n) =>
          db
            .select()
            .from(messages)
            .where(sql`${messages.id} = any(${sql.placeholder("ids")}::text[])`)
            .prepare(n),
        ).execute({ ids: lastIds })
      : Promise.resolve([] as MessageRow[]),
    countPerConversation(ctx, "unread", ids, principal.userId),
    countPerConversation(ctx, "needs_reply", ids, principal.userId),
  ]);
  const lastById = new Map(lastMessages.map((m) => [m.id, m]));
  return {
    conversations: page.items.map(({ conversation, trainer }) =>
      toSummary(
        conversation,
        trainer,
        conversation.lastMessageId ? (lastById.get(conversation.lastMessageId) ?? null) : null,
        principal.userId,
        { unread: unread.get(conversation.id) ?? 0, needsReply: needsReply.get(conversation.id) ?? 0 },
      ),
    ),
    nextCursor: page.nextCursor,
  };
}

/** One page of conversations for a shape of input; values come as placeholders. */
function pageQuery(db: Db, shape: { filter: string; cursor: boolean; unreadOnly: boolean }) {
  const where: SQL[] = [eq(conversations.accountId, sql.placeholder("accountId"))];
  if (shape.filter === "proposal") where.push(eq(conversations.kind, "PROPOSAL"));
  if (shape.filter === "job") where.push(eq(conversations.kind, "JOB"));
  if (shape.cursor) {
    where.push(
      sql`(${conversations.lastActivityAt}, ${conversations.id}) < (${sql.placeholder("cursorAt")}::timestamptz, ${sql.placeholder("cursorId")}::text)`,
    );
  }
  if (shape.unreadOnly) {
    where.push(
      sql`EXISTS (SELECT 1 FROM ${messages} WHERE ${messages.conversationId} = ${conversations.id} AND ${unreadAfterMarker(sql.placeholder("userId"))})`,
    );
  }
  return db
    .select({ conversation: conversations, trainer: trainers })
    .from(conversations)
    .innerJoin(trainers, eq(trainers.id, conversations.trainerId))
    .where(and(...where))
    .orderBy(desc(conversations.lastActivityAt), desc(conversations.id))
    .limit(sql.placeholder("limit"));
}

/** Trainer messages after the viewer's read marker, or since the employer side last wrote. */
const COUNT_CONDITIONS = {
  unread: unreadAfterMarker(sql.placeholder("userId")),
  needs_reply: sql`${messages.senderKind} = 'TRAINER' AND ${messages.createdAt} > COALESCE(
    (SELECT c.last_employer_message_at FROM ${conversations} c WHERE c.id = ${messages.conversationId}), '-infinity'::timestamptz)`,
};

/** Messages matching a count condition, counted per conversation of the page. */
async function countPerConversation(
  ctx: ServiceContext,
  kind: keyof typeof COUNT_CONDITIONS,
  conversationIds: readonly string[],
  viewerUserId: string,
): Promise<Map<string, number>> {
  const name = `opentrain_count_${kind}_per_conversation`;
  const rows = await prepared(ctx.db, name, (db) =>
    db
      .select({ conversationId: messages.conversationId, n: sql<number>`count(*)::int` })
      .from(messages)
      .where(and(sql`${messages.conversationId} = any(${sql.placeholder("ids")}::text[])`, COUNT_CONDITIONS[kind]))
      .groupBy(messages.conversationId)
      .prepare(name),
  ).execute(kind === "unread" ? { ids: [...conversationIds], userId: viewerUserId } : { ids: [...conversationIds] });
  return new Map(rows.map((r) => [r.conversationId, Number(r.n)]));
}
