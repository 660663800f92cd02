import type { Message } from "@opentrain-ai/contract";
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { iso } from "../../clock.js";
import { messages } from "../../db/schema.js";
import type { Principal, ServiceContext } from "../context.js";
import { cursorDate } from "../jobs/cursor.js";
import { decodeCursor, toPage } from "../pagination.js";
import { isAfterMarker, toHeader, toMessage, type ConversationHeader } from "./conversation-view.js";
import { findEmployerConversation } from "./find-conversation.js";
import { advanceReadMarker, loadReadMarkers } from "./read-markers.js";

export interface ReadConversationInput {
  conversationId: string;
  direction?: "older" | "newer";
  limit?: number;
  cursor?: string;
}

/**
 * GET /messages?conversationId=: one page of a conversation the caller's account takes part in
 * (another account's, or an unknown id, is a 404). `older` (the default) starts at the newest
 * message and pages back in time, newest first; `newer` starts at the oldest (or after the
 * cursor) and pages forward, oldest first — keep the direction with its cursor. Keyset over
 * (created_at, id) on messages_conversation_created_idx.
 *
 * Reading marks read: the viewer's read marker moves to the newest message of the page (never
 * back). `hasUnreadFlag` shows the state before this read, so the page tells which messages
 * are new.
 */
export async function readConversation(
  ctx: ServiceContext,
  principal: Principal,
  input: ReadConversationInput,
): Promise<{ conversation: ConversationHeader; messages: Message[]; nextCursor: string | null }> {
  const { conversation, trainer } = await findEmployerConversation(ctx, principal.accountId, input.conversationId);
  const older = (input.direction ?? "older") === "older";
  const limit = input.limit ?? 20;
  const where: SQL[] = [eq(messages.conversationId, conversation.id)];
  if (input.cursor) {
    const [at, id] = decodeCursor(input.cursor, ["string", "string"]) as [string, string];
    const key = sql`(${iso(cursorDate(at))}::timestamptz, ${id}::text)`;
    where.push(
      older
        ? sql`(${messages.createdAt}, ${messages.id}) < ${key}`
        : sql`(${messages.createdAt}, ${messages.id}) > ${key}`,
    );
  }
  const rows = await ctx.db
    .select()
    .from(messages)
    .where(and(...where))
    .orderBy(...(older ? [desc(messages.createdAt), desc(messages.id)] : [asc(messages.createdAt), asc(messages.id)]))
    .limit(limit + 1);
  const page = toPage(rows, limit, (m) => [iso(m.createdAt), m.id]);
  const marker = (await loadReadMarkers(ctx, principal.userId, [conversation.id])).get(conversation.id) ?? null;
  const newest = older ? page.items[0] : page.items[page.items.length - 1];
  if (newest && isAfterMarker(newest, marker)) {
    await advanceReadMarker(ctx, conversation, principal.userId, newest);
  }
  return {
    conversation: toHeader(conversation, trainer),
    messages: page.items.map((m) => toMessage(m, conversation, trainer, principal.userId, marker)),
    nextCursor: page.nextCursor,
  };
}
