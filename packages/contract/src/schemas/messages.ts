import { z } from "zod";
import { isoTimestamp, nextCursor } from "./common.js";
import { contractFreelancerSchema } from "./contracts.js";

export const CONVERSATION_FILTERS = ["all", "job", "proposal"] as const;
export const MESSAGE_DIRECTIONS = ["older", "newer"] as const;
export const CONVERSATION_BUCKETS = ["proposal", "job"] as const;

/** A message (GET /messages message mode, POST /messages). Attachment URLs are never exposed. */
export const messageSchema = z.object({
  id: z.string(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  conversationId: z.string(),
  jobId: z.string().nullable().describe("null for proposal (pre-hire) threads"),
  senderUserId: z.string().describe("The employer user's id, or the AI trainer's id (candidate.id)"),
  isFromViewer: z.boolean(),
  content: z
    .string()
    .describe("Plain text; contact details and the trainer's last name are redacted from what a trainer wrote"),
  messageType: z.string().nullable().describe("null for ordinary text"),
  system: z.boolean(),
  hasUnreadFlag: z
    .boolean()
    .describe("A message to the viewer that was unread before this read (reading marks it read)"),
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
  bucket: z.enum(CONVERSATION_BUCKETS).describe("proposal = pre-hire thread, job = post-hire direct message"),
  jobId: z.string().nullable().describe("The job the thread is about"),
  proposalId: z.string().nullable(),
  channelName: z.string().nullable().describe("null for direct messages"),
  updatedAt: isoTimestamp.describe("Time of the last message, or of creation while empty"),
  lastMessage: z
    .object({
      id: z.string(),
      content: z.string().describe("Preview (at most 280 characters), redacted like message content"),
      senderUserId: z.string(),
      isFromViewer: z.boolean(),
      createdAt: isoTimestamp,
    })
    .nullable(),
  unreadCount: z.number().int().nonnegative().describe("Messages to the viewer not read yet"),
  needsReplyCount: z.number().int().nonnegative().describe("Trainer messages since the employer side last wrote"),
  readOnly: z.boolean().describe("true when nobody can post any more (409 read_only_conversation)"),
  freelancer: contractFreelancerSchema.describe("The AI trainer in the thread, masked"),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

export const conversationPageSchema = z.object({
  conversations: z.array(conversationSummarySchema).describe("Most recent activity first"),
  nextCursor,
});

/** The conversation a message page belongs to. */
export const conversationHeaderSchema = conversationSummarySchema.pick({
  id: true,
  type: true,
  bucket: true,
  jobId: true,
  proposalId: true,
  channelName: true,
  updatedAt: true,
  readOnly: true,
  freelancer: true,
});

/**
 * Message mode. Messages come in the order of travel: newest first with direction older (the
 * default), oldest first with direction newer.
 */
export const messagePageSchema = z
  .object({
    conversation: conversationHeaderSchema,
    messages: z.array(messageSchema).describe("direction older: newest first; newer: oldest first"),
    nextCursor,
  })
  .loose();
