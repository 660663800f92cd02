import { and, eq, inArray, sql } from "drizzle-orm";
import { conversationReads, type ConversationRow, type MessageRow } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";
import type { ReadMarker } from "./conversation-view.js";
import { inboxChanged } from "./inbox-cache.js";

/** The user's read markers of the given conversations. */
export async function loadReadMarkers(
  ctx: ServiceContext,
  userId: string,
  conversationIds: readonly string[],
): Promise<Map<string, ReadMarker>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await ctx.db
    .select()
    .from(conversationReads)
    .where(and(eq(conversationReads.userId, userId), inArray(conversationReads.conversationId, [...conversationIds])));
  return new Map(rows.map((r) => [r.conversationId, { at: r.lastReadAt, messageId: r.lastReadMessageId }]));
}

/**
 * Moves the user's read marker of a conversation up to `message` (never back: a marker further
 * on stays, whichever of two concurrent reads commits last).
 */
export async function advanceReadMarker(
  ctx: ServiceContext,
  conversation: Pick<ConversationRow, "id" | "accountId">,
  userId: string,
  message: Pick<MessageRow, "id" | "createdAt">,
): Promise<void> {
  const conversationId = conversation.id;
  const moved = await ctx.db
    .insert(conversationReads)
    .values({
      conversationId,
      userId,
      lastReadMessageId: message.id,
      lastReadAt: message.createdAt,
      updatedAt: ctx.clock.now(),
    })
    .onConflictDoUpdate({
      target: [conversationReads.conversationId, conversationReads.userId],
      set: {
        lastReadMessageId: sql`excluded.last_read_message_id`,
        lastReadAt: sql`excluded.last_read_at`,
        updatedAt: sql`excluded.updated_at`,
      },
      setWhere: sql`(excluded.last_read_at, excluded.last_read_message_id COLLATE "C") > (${conversationReads.lastReadAt}, ${conversationReads.lastReadMessageId} COLLATE "C")`,
    })
    .returning({ userId: conversationReads.userId });
  if (moved.length > 0) inboxChanged(ctx, conversation.accountId);
}
