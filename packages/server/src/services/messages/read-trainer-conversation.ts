import { desc, eq } from "drizzle-orm";
import { accounts, jobs, messages, type ConversationRow, type MessageSenderKind } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";
import { messageText } from "./conversation-view.js";
import { findTrainerConversation } from "./find-conversation.js";

export interface TrainerConversation {
  conversation: ConversationRow;
  jobTitle: string;
  companyName: string;
  /** Oldest first; trainer-written text sanitized as on every read. */
  messages: { id: string; senderKind: MessageSenderKind; content: string; createdAt: Date }[];
  /** Why the trainer cannot write now, or null when they can. */
  cannotReply: string | null;
}

/** The most recent messages the console shows of a conversation. */
export const TRAINER_THREAD_SHOWN = 200;

/**
 * One conversation as its trainer sees it in the sandbox trainer console: a conversation of
 * another trainer, like an unknown id, is a 404. Says when the trainer cannot write (read-only,
 * or a pre-hire thread the employer has not written in yet), the same rules the trainer-side
 * send enforces. Pure read: trainers have no read markers.
 */
export async function readTrainerConversation(
  ctx: ServiceContext,
  trainerId: string,
  conversationId: string,
): Promise<TrainerConversation> {
  const { conversation, trainer } = await findTrainerConversation(ctx, trainerId, conversationId);
  const [job] = await ctx.db
    .select({ title: jobs.title, companyName: accounts.name })
    .from(jobs)
    .innerJoin(accounts, eq(accounts.id, jobs.accountId))
    .where(eq(jobs.id, conversation.jobId))
    .limit(1);
  const rows = await ctx.db
    .select()
    .from(messages)
    .where(eq(messages.conversationId, conversation.id))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(TRAINER_THREAD_SHOWN);
  const cannotReply = conversation.readOnly
    ? "This conversation is read-only: nobody can write in it any more."
    : conversation.kind === "PROPOSAL" && conversation.lastEmployerMessageId === null
      ? "The employer opened this pre-hire thread but has not written yet; trainers answer once they have."
      : null;
  return {
    conversation,
    jobTitle: job?.title ?? "Untitled job",
    companyName: job?.companyName ?? "Employer",
    messages: rows.reverse().map((m) => ({
      id: m.id,
      senderKind: m.senderKind,
      content: messageText(m, trainer),
      createdAt: m.createdAt,
    })),
    cannotReply,
  };
}
