import type { ConversationSummary } from "@opentrain-ai/contract";
import { and, desc, eq, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { iso } from "../../clock.js";
import type { Db } from "../../db/client.js";
import { rowsOf } from "../../db/migrate.js";
import { prepared } from "../../db/prepared.js";
import {
  conversationReads,
  conversations,
  conversationUnreads,
  messages,
  trainers,
  type MessageRow,
} from "../../db/schema.js";
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

/**
 * Trainer messages (of the conversation being scanned) to the viewer after their read marker
 * `r` (a conversation_reads row joined by the caller; NULL = never read). The employer side's
 * own messages are never unread. The marker's time is also a bound on the index range
 * (messages_conversation_created_idx: conversation_id, created_at), so a conversation read up to
 * date costs an index probe however long its history; the row comparison settles the marker's
 * own millisecond.
 */
const unreadAfterMarker = (r: { lastReadAt: SQLWrapper; lastReadMessageId: SQLWrapper }) => sql`
  ${messages.senderKind} = 'TRAINER'
  AND ${messages.createdAt} >= COALESCE(${r.lastReadAt}, '-infinity'::timestamptz)
  AND (${messages.createdAt}, ${messages.id} COLLATE "C")
    > (COALESCE(${r.lastReadAt}, '-infinity'::timestamptz), COALESCE(${r.lastReadMessageId}, '') COLLATE "C")`;

/** The viewer's read markers, joined as `r` on the conversation of the row. */
const viewerReads = alias(conversationReads, "r");

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
  if (shape.unreadOnly) return unreadPageQuery(db, shape);
  const where: SQL[] = [eq(conversations.accountId, sql.placeholder("accountId"))];
  if (shape.filter === "proposal") where.push(eq(conversations.kind, "PROPOSAL"));
  if (shape.filter === "job") where.push(eq(conversations.kind, "JOB"));
  if (shape.cursor) {
    where.push(
      sql`(${conversations.lastActivityAt}, ${conversations.id}) < (${sql.placeholder("cursorAt")}::timestamptz, ${sql.placeholder("cursorId")}::text)`,
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

/**
 * `unreadOnly`: the viewer's unread conversations (conversation_unreads, kept by triggers to
 * match `unreadAfterMarker`; migration 0010) in the same (last_activity_at, id) order, walked on
 * conversation_unreads_feed_idx, so the cost follows the page, not the conversations read.
 */
function unreadPageQuery(db: Db, shape: { filter: string; cursor: boolean }) {
  const where: SQL[] = [
    eq(conversationUnreads.userId, sql.placeholder("userId")),
    eq(conversationUnreads.accountId, sql.placeholder("accountId")),
  ];
  if (shape.filter === "proposal") where.push(eq(conversations.kind, "PROPOSAL"));
  if (shape.filter === "job") where.push(eq(conversations.kind, "JOB"));
  if (shape.cursor) {
    where.push(
      sql`(${conversationUnreads.lastActivityAt}, ${conversationUnreads.conversationId}) < (${sql.placeholder("cursorAt")}::timestamptz, ${sql.placeholder("cursorId")}::text)`,
    );
  }
  return db
    .select({ conversation: conversations, trainer: trainers })
    .from(conversationUnreads)
    .innerJoin(conversations, eq(conversations.id, conversationUnreads.conversationId))
    .innerJoin(trainers, eq(trainers.id, conversations.trainerId))
    .where(and(...where))
    .orderBy(desc(conversationUnreads.lastActivityAt), desc(conversationUnreads.conversationId))
    .limit(sql.placeholder("limit"));
}

/**
 * Messages counted per conversation of the page, one index range each: trainer messages after
 * the viewer's read marker (unread), or since the employer side last wrote (needs reply).
 * Written per conversation (LATERAL) so the marker or the employer's last message bounds the
 * range on messages_conversation_created_idx instead of filtering the whole history
 * (test/api/messages-plan.test.ts).
 */
export function countQuery(
  kind: "unread" | "needs_reply",
  conversationIds: readonly string[],
  viewerUserId: string,
): SQL {
  const ids = sql`${sql.param([...conversationIds])}::text[]`;
  return kind === "unread"
    ? sql`SELECT c.id AS conversation_id, n.n FROM unnest(${ids}) AS c(id)
          LEFT JOIN ${conversationReads} r ON r.conversation_id = c.id AND r.user_id = ${viewerUserId}
          CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM ${messages}
            WHERE ${messages.conversationId} = c.id AND ${unreadAfterMarker(viewerReads)}) n`
    : sql`SELECT c.id AS conversation_id, n.n FROM ${conversations} c
          CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM ${messages}
            WHERE ${messages.conversationId} = c.id AND ${messages.senderKind} = 'TRAINER'
              AND ${messages.createdAt} > COALESCE(c.last_employer_message_at, '-infinity'::timestamptz)) n
          WHERE c.id = any(${ids})`;
}

async function countPerConversation(
  ctx: ServiceContext,
  kind: "unread" | "needs_reply",
  conversationIds: readonly string[],
  viewerUserId: string,
): Promise<Map<string, number>> {
  const rows = rowsOf<{ conversation_id: string; n: number | string }>(
    await ctx.db.execute(countQuery(kind, conversationIds, viewerUserId)),
  );
  return new Map(rows.filter((r) => Number(r.n) > 0).map((r) => [r.conversation_id, Number(r.n)]));
}
