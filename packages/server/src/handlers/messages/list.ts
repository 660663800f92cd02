import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { readConversation } from "../../services/messages/read-conversation.js";
import { cachedConversationList } from "./cached-conversation-list.js";

/** GET /messages: summaries without conversationId, one conversation's messages with it. */
export const list: Handler<typeof operations.messagesList> = (ctx, input) => {
  const principal = principalOf(ctx);
  if (input.conversationId) {
    return readConversation(ctx, principal, {
      conversationId: input.conversationId,
      direction: input.direction,
      limit: input.limit,
      cursor: input.cursor,
    });
  }
  return cachedConversationList(ctx, principal, {
    filter: input.filter,
    unreadOnly: input.unreadOnly,
    limit: input.limit,
    cursor: input.cursor,
  });
};
