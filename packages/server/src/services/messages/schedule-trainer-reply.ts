import { createHash } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { messages, type ConversationRow, type MessageRow, type TrainerRow } from "../../db/schema.js";
import { replyDelayMinutes } from "../../sandbox/replies/compose-reply.js";
import type { ServiceContext } from "../context.js";
import { findJob } from "../jobs/find-job.js";
import { fieldsOf } from "../jobs/fields.js";
import { scheduleTasks } from "../simulation/schedule-task.js";

/** Simulation task kind: a sandbox trainer answers the employer's message. */
export const TRAINER_REPLY_TASK = "trainer_reply";

export interface TrainerReplyPayload {
  conversationId: string;
  messageId: string;
  /** Drives the reply's text; made from stable inputs only (see replySeed). */
  seed: string;
  [key: string]: unknown;
}

/**
 * The seed of one reply: the sandbox seed, the trainer, the job's content, the message's place
 * in the conversation and its text. Never a random id, so the same conversation played again on
 * a sandbox with the same seed gets the same replies at the same delays.
 */
export function replySeed(parts: {
  sandboxSeed: string;
  trainerId: string;
  jobFields: unknown;
  ordinal: number;
  content: string;
}): string {
  return createHash("sha256")
    .update(JSON.stringify([parts.sandboxSeed, parts.trainerId, parts.jobFields, parts.ordinal, parts.content]))
    .digest("hex")
    .slice(0, 32);
}

/**
 * In the sandbox, after the employer posted `message` to a simulated trainer: schedules the
 * trainer's reply at the persona's delay (virtual time), in the sender's transaction. One task
 * per employer message (key `reply:<messageId>`); the task answers every message still
 * unanswered, so a burst of messages gets one reply.
 */
export async function scheduleTrainerReply(
  tx: ServiceContext,
  conversation: ConversationRow,
  trainer: TrainerRow,
  message: MessageRow,
): Promise<void> {
  if (tx.config.mode !== "sandbox" || trainer.sandboxSeed === null) return;
  const [{ n }] = (await tx.db
    .select({ n: count() })
    .from(messages)
    .where(and(eq(messages.conversationId, conversation.id), eq(messages.senderKind, "EMPLOYER")))) as [{ n: number }];
  const job = await findJob(tx, conversation.jobId);
  const seed = replySeed({
    sandboxSeed: tx.config.sandboxSeed,
    trainerId: trainer.id,
    jobFields: job ? fieldsOf(job) : null,
    ordinal: Number(n),
    content: message.content,
  });
  const delayMs = Math.round(replyDelayMinutes(trainer.persona, seed) * 60_000);
  const payload: TrainerReplyPayload = { conversationId: conversation.id, messageId: message.id, seed };
  await scheduleTasks(tx, [
    {
      key: `reply:${message.id}`,
      kind: TRAINER_REPLY_TASK,
      payload,
      dueAt: new Date(message.createdAt.getTime() + delayMs),
    },
  ]);
}
