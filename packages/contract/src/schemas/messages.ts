import { z } from "zod";
import { isoTimestamp, nextCursor } from "./common.js";

export const CONVERSATION_FILTERS = ["all", "job", "proposal"] as const;
export const MESSAGE_DIRECTIONS = ["older", "newer"] as const;

/** A message (GET /messages message mode, POST /messages). Attachment URLs are never exposed. */
export const messageSchema = z.object({
  id: z.string(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  conversationId: z.string(),
  jobId: z.string().nullable().describe("null for proposal (pre-hire) threads"),
  senderUserId: z.string(),
  isFromViewer: z.boolean(),
  content: z.string(),
  messageType: z.string().nullable().describe("null for ordinary text"),
  system: z.boolean(),
  hasUnreadFlag: z.boolean(),
  attachmentCount: z.number().int().nonnegative(),
  hasAudio: z.boolean(),
  editedAt: isoTimestamp.nullable(),
  reactionCount: z.number().int().nonnegative(),
});
export type Message = z.infer<typeof messageSchema>;

/** Conversation summary (GET /messages list mode). */
export const conversationSummarySchema = z.object({
  id: z.string(),
  type: z.string().describe('e.g. "DIRECT_MESSAGE"'),
  bucket: z.enum(["proposal", "job"]),
  jobId: z.string().nullable(),
  proposalId: z.string().nullable(),
  channelName: z.string().nullable(),
  updatedAt: isoTimestamp,
  lastMessage: z
    .object({
      id: z.string(),
      content: z.string(),
      senderUserId: z.string(),
      isFromViewer: z.boolean(),
      createdAt: isoTimestamp,
    })
    .nullable(),
  unreadCount: z.number().int().nonnegative(),
  needsReplyCount: z.number().int().nonnegative(),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

export const conversationPageSchema = z.object({
  conversations: z.array(conversationSummarySchema).describe("Most recent activity first"),
  nextCursor,
});

/** Message mode; the server may add a conversation header alongside the page. */
export const messagePageSchema = z
  .object({
    messages: z.array(messageSchema),
    nextCursor,
  })
  .loose();
