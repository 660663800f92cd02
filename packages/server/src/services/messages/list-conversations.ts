import type { ConversationSummary } from "@opentrain-ai/contract";
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { iso } from "../../clock.js";
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
const unreadAfterMarker = (viewerUserId: string) => sql`
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
  const where: SQL[] = [eq(conversations.accountId, principal.accountId)];
  if (input.filter === "proposal") where.push(eq(conversations.kind, "PROPOSAL"));
  if (input.filter === "job") where.push(eq(conversations.kind, "JOB"));
  if (input.cursor) {
    const [at, id] = decodeCursor(input.cursor, ["string", "string"]) as [string, string];
    where.push(
      sql`(${conversations.lastActivityAt}, ${conversations.id}) < (${iso(cursorDate(at))}::timestamptz, ${id}::text)`,
    );
  }
  if (input.unreadOnly) {
    where.push(
      sql`EXISTS (SELECT 1 FROM ${messages} WHERE ${messages.conversationId} = ${conversations.id} AND ${unreadAfterMarker(principal.userId)})`,
    );
  }
  const rows = await ctx.db
    .select({ conversation: conversations, trainer: trainers })
    .from(conversations)
    .innerJoin(trainers, eq(trainers.id, conversations.trainerId))
    .where(and(...where))
    .orderBy(desc(conversations.lastActivityAt), desc(conversations.id))
    .limit(limit + 1);
  const page = toPage(rows, limit, (r) => [iso(r.conversation.lastActivityAt), r.conversation.id]);
  const ids = page.items.map((r) => r.conversation.id);
  const lastIds = page.items.map((r) => r.conversation.lastMessageId).filter((id): id is string => id !== null);
  const [lastMessages, unread, needsReply] = await Promise.all([
    lastIds.length > 0
      ? ctx.db.select().from(messages).where(inArray(messages.id, lastIds))
      : Promise.resolve([] as MessageRow[]),
    countPerConversation(ctx, ids, unreadAfterMarker(principal.userId)),
    countPerConversation(
      ctx,
      ids,
      sql`${messages.senderKind} = 'TRAINER' AND ${messages.createdAt} > COALESCE(
        (SELECT c.last_employer_message_at FROM ${conversations} c WHERE c.id = ${messages.conversationId}), '-infinity'::timestamptz)`,
    ),
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

/** Messages matching `condition`, counted per conversation of the page. */
async function countPerConversation(
  ctx: ServiceContext,
  conversationIds: readonly string[],
  condition: SQL,
): Promise<Map<string, number>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await ctx.db
    .select({ conversationId: messages.conversationId, n: sql<number>`count(*)::int` })
    .from(messages)
    .where(and(inArray(messages.conversationId, [...conversationIds]), condition))
    .groupBy(messages.conversationId);
  return new Map(rows.map((r) => [r.conversationId, Number(r.n)]));
}
