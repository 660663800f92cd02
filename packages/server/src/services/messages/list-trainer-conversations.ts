import { desc, eq } from "drizzle-orm";
import { accounts, conversations, jobs, messages, trainers, type ConversationRow } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";
import { previewText } from "./conversation-view.js";

export interface TrainerConversationSummary {
  conversation: ConversationRow;
  jobTitle: string;
  companyName: string;
  /** Sanitized like every read of trainer-written text; null while the thread is empty. */
  lastMessage: { content: string; fromTrainer: boolean; createdAt: Date } | null;
  /** The employer wrote last: the trainer owes an answer. */
  awaitingReply: boolean;
}

/** How many conversations the console lists (most recent activity first). */
export const TRAINER_CONVERSATIONS_SHOWN = 50;

/**
 * A trainer's conversations with employers, most recent activity first, with the job, the
 * company and a preview of the last message: the sandbox trainer console's inbox. Pure read.
 */
export async function listTrainerConversations(
  ctx: ServiceContext,
  trainerId: string,
): Promise<TrainerConversationSummary[]> {
  const rows = await ctx.db
    .select({
      conversation: conversations,
      trainer: trainers,
      jobTitle: jobs.title,
      companyName: accounts.name,
      last: messages,
    })
    .from(conversations)
    .innerJoin(trainers, eq(trainers.id, conversations.trainerId))
    .innerJoin(jobs, eq(jobs.id, conversations.jobId))
    .innerJoin(accounts, eq(accounts.id, conversations.accountId))
    .leftJoin(messages, eq(messages.id, conversations.lastMessageId))
    .where(eq(conversations.trainerId, trainerId))
    .orderBy(desc(conversations.lastActivityAt), desc(conversations.id))
    .limit(TRAINER_CONVERSATIONS_SHOWN);
  return rows.map((r) => ({
    conversation: r.conversation,
    jobTitle: r.jobTitle ?? "Untitled job",
    companyName: r.companyName,
    lastMessage: r.last
      ? {
          content: previewText(r.last, r.trainer),
          fromTrainer: r.last.senderKind === "TRAINER",
          createdAt: r.last.createdAt,
        }
      : null,
    awaitingReply: r.last !== null && r.last.senderKind === "EMPLOYER",
  }));
}
