import { eq } from "drizzle-orm";
import {
  conversations,
  messages,
  type ConversationRow,
  type MessageRow,
  type MessageSenderKind,
} from "../../db/schema.js";
import { newId } from "../../ids.js";
import type { ServiceContext } from "../context.js";
import { recordEvent } from "../events/record-event.js";
import { inboxChanged } from "./inbox-cache.js";

/**
 * Writes one message into a conversation whose row the caller holds FOR UPDATE (after every
 * check passed), and keeps the conversation's bookkeeping in step: last message, the employer
 * side's last message, activity time. `createdAt` is `at` (default now), moved 1 ms past the
 * previous message when needed, so time strictly increases within a conversation. A message
 * from the trainer writes `message.received` to the employer account's event log in the same
 * transaction.
 */
export async function appendMessage(
  tx: ServiceContext,
  conversation: ConversationRow,
  input: { senderKind: MessageSenderKind; senderId: string; content: string; at?: Date },
): Promise<MessageRow> {
  let createdAt = input.at ?? tx.clock.now();
  if (conversation.lastMessageAt && createdAt.getTime() <= conversation.lastMessageAt.getTime()) {
    createdAt = new Date(conversation.lastMessageAt.getTime() + 1);
  }
  const [row] = await tx.db
    .insert(messages)
    .values({
      id: newId("msg"),
      conversationId: conversation.id,
      senderKind: input.senderKind,
      senderId: input.senderId,
      content: input.content,
      createdAt,
    })
    .returning();
  const message = row!;
  await tx.db
    .update(conversations)
    .set({
      lastMessageId: message.id,
      lastMessageAt: createdAt,
      lastActivityAt: createdAt,
      updatedAt: createdAt,
      ...(input.senderKind === "EMPLOYER"
        ? { lastEmployerMessageId: message.id, lastEmployerMessageAt: createdAt }
        : {}),
    })
    .where(eq(conversations.id, conversation.id));
  inboxChanged(tx, conversation.accountId);
  if (input.senderKind === "TRAINER") {
    await recordEvent(tx, {
      accountId: conversation.accountId,
      type: "message.received",
      resourceId: conversation.id,
      jobId: conversation.jobId,
      data: { conversationId: conversation.id, messageId: message.id },
      at: createdAt,
    });
  }
  return message;
}
