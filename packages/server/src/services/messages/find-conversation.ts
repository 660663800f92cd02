import { and, eq, type SQL } from "drizzle-orm";
import { conversations, trainers, type ConversationRow, type TrainerRow } from "../../db/schema.js";
import { notFound } from "../../errors.js";
import type { ServiceContext } from "../context.js";

export interface ConversationRecord {
  conversation: ConversationRow;
  trainer: TrainerRow;
}

const missing = (conversationId: string) =>
  notFound("No conversation with this id that you participate in.", { resource: "conversations", conversationId });

/**
 * A conversation of the employer account, with its trainer. Another account's conversation is
 * a 404 like an unknown id (it does not reveal that the id exists). `lock` takes the row FOR NO
 * KEY UPDATE: every writer of a conversation holds it, so messages are ordered and counted
 * safely, while readers writing their read marker (a foreign key to the row) are not held up.
 */
export function findEmployerConversation(
  ctx: ServiceContext,
  accountId: string,
  conversationId: string,
  opts: { lock?: boolean } = {},
): Promise<ConversationRecord> {
  return findConversation(ctx, eq(conversations.accountId, accountId), conversationId, opts);
}

/** A conversation the trainer is part of (404 otherwise), for messages written as the trainer. */
export function findTrainerConversation(
  ctx: ServiceContext,
  trainerId: string,
  conversationId: string,
  opts: { lock?: boolean } = {},
): Promise<ConversationRecord> {
  return findConversation(ctx, eq(conversations.trainerId, trainerId), conversationId, opts);
}

/** The conversation with its trainer, visible only to the participant `participant` names. */
async function findConversation(
  ctx: ServiceContext,
  participant: SQL,
  conversationId: string,
  opts: { lock?: boolean },
): Promise<ConversationRecord> {
  const query = ctx.db
    .select({ conversation: conversations, trainer: trainers })
    .from(conversations)
    .innerJoin(trainers, eq(trainers.id, conversations.trainerId))
    .where(and(eq(conversations.id, conversationId), participant))
    .limit(1);
  const [row] = opts.lock ? await query.for("no key update", { of: conversations }) : await query;
  if (!row) throw missing(conversationId);
  return row;
}
