import type { ConversationSummary, Message, conversationHeaderSchema } from "@opentrain-ai/contract";
import type { z } from "zod";
import { iso } from "../../clock.js";
import type { ConversationRow, MessageRow, TrainerRow } from "../../db/schema.js";
import { sanitizeText } from "../privacy/sanitize-text.js";
import { toContractFreelancer } from "../trainers/masked-candidate.js";

export type ConversationHeader = z.infer<typeof conversationHeaderSchema>;

/** Longest `lastMessage.content` of a summary. */
export const PREVIEW_LENGTH = 280;

/** Where a reader stands in a conversation: every message up to and including this one is read. */
export interface ReadMarker {
  at: Date;
  messageId: string;
}

/** True when the message comes after the marker (messages are ordered by (createdAt, id)). */
export function isAfterMarker(m: Pick<MessageRow, "createdAt" | "id">, marker: ReadMarker | null): boolean {
  if (!marker) return true;
  const d = m.createdAt.getTime() - marker.at.getTime();
  return d > 0 || (d === 0 && m.id > marker.messageId);
}

/**
 * The text of a message as the employer may read it. What a trainer wrote goes through the
 * sanitizer with the trainer's last name (contact details and the surname are redacted) on
 * every read; the employer side's own text passed the content policy when it was sent.
 */
export function messageText(row: Pick<MessageRow, "senderKind" | "content">, trainer: Pick<TrainerRow, "lastName">) {
  return row.senderKind === "TRAINER" ? sanitizeText(row.content, { lastNames: [trainer.lastName] }) : row.content;
}

/** `messageText` cut to a preview. */
export function previewText(row: Pick<MessageRow, "senderKind" | "content">, trainer: Pick<TrainerRow, "lastName">) {
  const text = messageText(row, trainer).replace(/\s+/g, " ").trim();
  const chars = [...text];
  return chars.length > PREVIEW_LENGTH ? `${chars.slice(0, PREVIEW_LENGTH - 1).join("")}…` : text;
}

export const bucketOf = (c: Pick<ConversationRow, "kind">): "proposal" | "job" =>
  c.kind === "PROPOSAL" ? "proposal" : "job";

/** The message shape of GET /messages and POST /messages (spec 30 §0.3). */
export function toMessage(
  row: MessageRow,
  conversation: Pick<ConversationRow, "kind" | "jobId">,
  trainer: Pick<TrainerRow, "lastName">,
  viewerUserId: string,
  marker: ReadMarker | null,
): Message {
  const createdAt = iso(row.createdAt);
  return {
    id: row.id,
    createdAt,
    updatedAt: createdAt,
    conversationId: row.conversationId,
    jobId: conversation.kind === "JOB" ? conversation.jobId : null,
    senderUserId: row.senderId,
    isFromViewer: row.senderKind === "EMPLOYER" && row.senderId === viewerUserId,
    content: messageText(row, trainer),
    messageType: null,
    system: false,
    hasUnreadFlag: row.senderKind === "TRAINER" && isAfterMarker(row, marker),
    attachmentCount: 0,
    hasAudio: false,
    editedAt: null,
    reactionCount: 0,
  };
}

/** The conversation header of a message page. */
export function toHeader(conversation: ConversationRow, trainer: TrainerRow): ConversationHeader {
  return {
    id: conversation.id,
    type: "DIRECT_MESSAGE",
    bucket: bucketOf(conversation),
    jobId: conversation.jobId,
    proposalId: conversation.proposalId,
    channelName: null,
    updatedAt: iso(conversation.lastActivityAt),
    readOnly: conversation.readOnly,
    freelancer: toContractFreelancer(trainer),
  };
}

/** A summary of GET /messages list mode. */
export function toSummary(
  conversation: ConversationRow,
  trainer: TrainerRow,
  lastMessage: MessageRow | null,
  viewerUserId: string,
  counts: { unread: number; needsReply: number },
): ConversationSummary {
  return {
    ...toHeader(conversation, trainer),
    lastMessage: lastMessage
      ? {
          id: lastMessage.id,
          content: previewText(lastMessage, trainer),
          senderUserId: lastMessage.senderId,
          isFromViewer: lastMessage.senderKind === "EMPLOYER" && lastMessage.senderId === viewerUserId,
          createdAt: iso(lastMessage.createdAt),
        }
      : null,
    unreadCount: counts.unread,
    needsReplyCount: counts.needsReply,
  };
}
