import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { booleanQuery, cursorParam, limitParam } from "../../schemas/common.js";
import {
  CONVERSATION_FILTERS,
  MESSAGE_DIRECTIONS,
  conversationPageSchema,
  messagePageSchema,
} from "../../schemas/messages.js";
import { idParam } from "../../schemas/params.js";

export const messagesList = defineOperation({
  id: "messages.list",
  resource: "messages",
  summary: "List conversations, or read one conversation's messages",
  description:
    "Without conversationId: conversation summaries, most recent activity first (filter, unreadOnly apply). With conversationId: that conversation's messages (direction older, the default, pages back in time; newer pages forward — keep the same direction with a cursor). Only conversations you participate in; a pure read that never creates or changes a conversation.",
  method: "GET",
  api: "public",
  path: "/messages",
  auth: "bearer",
  scope: "messages:read",
  input: z.object({
    conversationId: idParam("Conversation to read; omit to list summaries").optional(),
    cursor: cursorParam.optional().describe("Pagination cursor"),
    limit: limitParam(100, 20).optional().describe("Max records, 1–100"),
    direction: z.enum(MESSAGE_DIRECTIONS).optional().describe("Message pagination direction (with conversationId)"),
    filter: z.enum(CONVERSATION_FILTERS).optional().describe("Summary filter (without conversationId)"),
    unreadOnly: booleanQuery.optional().describe("Only conversations with unread messages (without conversationId)"),
  }),
  output: z.union([conversationPageSchema, messagePageSchema]),
  errors: ["BAD_REQUEST", "FORBIDDEN", "NOT_FOUND"],
  tool: {
    name: "opentrain_read_messages",
    title: "Read messages",
    description:
      "Read authorized conversation summaries or messages. Omit conversationId to list summaries; provide it to read messages. Never creates conversations or sends messages.",
  },
  cli: { command: ["messages", "read"], positional: ["conversationId"] },
});
