import { eq } from "drizzle-orm";
import { conversations } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";
import { inboxChanged } from "./inbox-cache.js";

/**
 * Makes a conversation read-only (or writable again): posting into it then answers 409
 * `read_only_conversation` for both sides, reading still works. For the work that closes a
 * thread (a hire moving the talk to the job's direct message, an ended contract); call it in
 * that change's transaction. Returns false when there is no such conversation.
 */
export async function setConversationReadOnly(
  ctx: ServiceContext,
  conversationId: string,
  readOnly = true,
): Promise<boolean> {
  const rows = await ctx.db
    .update(conversations)
    .set({ readOnly, updatedAt: ctx.clock.now() })
    .where(eq(conversations.id, conversationId))
    .returning({ accountId: conversations.accountId });
  for (const { accountId } of rows) inboxChanged(ctx, accountId);
  return rows.length > 0;
}
