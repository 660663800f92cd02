import { desc, eq } from "drizzle-orm";
import { conversations, messages, proposals, trainers } from "../../db/schema.js";
import { composeReply, plainReply } from "../../sandbox/replies/compose-reply.js";
import type { ServiceContext } from "../context.js";
import { findJob } from "../jobs/find-job.js";
import type { TaskHandler } from "../simulation/run-due-tasks.js";
import { findPolicyViolation } from "./content-policy.js";
import { postTrainerMessage } from "./post-trainer-message.js";
import type { TrainerReplyPayload } from "./schedule-trainer-reply.js";

export { TRAINER_REPLY_TASK } from "./schedule-trainer-reply.js";

/** How far back a reply looks for the messages it answers. */
const LOOKBACK = 50;

/**
 * The simulated trainer answers (task `trainer_reply`, due at the persona's delay after the
 * employer's message). It answers only when the triggering message is still the latest in the
 * conversation: when the employer wrote again, that message's task answers both; when the
 * trainer already wrote after it (this task ran before, or the test helper answered), nothing
 * happens. So running the task twice posts one reply. The reply covers every employer message
 * since the trainer's last one and goes through postTrainerMessage, the path of the sandbox
 * helper "trainer writes" (same checks, same message.received event).
 */
export const replyAsTrainer: TaskHandler = async (tx: ServiceContext, task) => {
  const payload = task.payload as TrainerReplyPayload;
  const [conversation] = await tx.db
    .select()
    .from(conversations)
    .where(eq(conversations.id, payload.conversationId))
    .limit(1)
    .for("no key update");
  if (!conversation || conversation.readOnly) return;
  const [trainer] = await tx.db.select().from(trainers).where(eq(trainers.id, conversation.trainerId)).limit(1);
  if (!trainer || trainer.status === "SUSPENDED") return;
  const recent = await tx.db
    .select()
    .from(messages)
    .where(eq(messages.conversationId, conversation.id))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(LOOKBACK);
  if (recent[0]?.id !== payload.messageId) return;
  const unanswered = [];
  for (const m of recent) {
    if (m.senderKind === "TRAINER") break;
    unanswered.unshift(m);
  }
  const job = await findJob(tx, conversation.jobId);
  const [proposal] = conversation.proposalId
    ? await tx.db.select().from(proposals).where(eq(proposals.id, conversation.proposalId)).limit(1)
    : [];
  const context = { trainer, job, proposal: proposal ?? null };
  const composed = composeReply(unanswered.map((m) => m.content).join("\n"), context, payload.seed);
  // Job text is the employer's: should it make the reply break the policy, answer plainly instead.
  const content = findPolicyViolation(composed.content) ? plainReply(context) : composed.content;
  await postTrainerMessage(tx, {
    trainerId: trainer.id,
    conversationId: conversation.id,
    content,
    at: task.dueAt,
  });
};
