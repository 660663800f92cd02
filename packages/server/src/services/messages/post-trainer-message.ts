import { conflict, notFound } from "../../errors.js";
import type { ConversationRow, MessageRow, TrainerRow } from "../../db/schema.js";
import { withTransaction, type ServiceContext } from "../context.js";
import { findTrainer } from "../trainers/find-trainer.js";
import { appendMessage } from "./append-message.js";
import { assertContentAllowed } from "./content-policy.js";
import { readOnlyConflict } from "./conversation-errors.js";
import { findTrainerConversation } from "./find-conversation.js";

export interface TrainerMessageOutcome {
  message: MessageRow;
  conversation: ConversationRow;
  trainer: TrainerRow;
}

/**
 * A message written as the AI trainer: the sandbox helper "trainer writes" and the simulated
 * trainers' replies both come through here. Checks, in order, inside one transaction holding
 * the conversation row lock:
 * 1. the trainer exists (suspended trainers do not) and is in the conversation, else 404;
 * 2. 409 `read_only_conversation`;
 * 3. 409 `employer_first_message_required`: in a pre-hire thread the trainer cannot write
 *    before the employer has;
 * 4. 403 `message_policy_blocked` + `policy`: the same content policy as the employer's
 *    (no contact details, no off-platform payment), and what is stored is sanitized again on
 *    every read.
 * The employer account gets `message.received` in the same transaction.
 */
export async function postTrainerMessage(
  ctx: ServiceContext,
  input: { trainerId: string; conversationId: string; content: string; at?: Date },
): Promise<TrainerMessageOutcome> {
  return withTransaction(ctx, async (tx) => {
    const found = await findTrainer(tx, input.trainerId);
    if (!found) throw notFound("No AI trainer with this id.", { resource: "trainers", trainerId: input.trainerId });
    const { conversation, trainer } = await findTrainerConversation(tx, found.id, input.conversationId, { lock: true });
    if (conversation.readOnly) throw readOnlyConflict(conversation.id);
    if (conversation.kind === "PROPOSAL" && conversation.lastEmployerMessageId === null) {
      throw conflict("The candidate cannot post in a pre-hire thread until the employer has sent the first message.", {
        reason: "employer_first_message_required",
        conversationId: conversation.id,
      });
    }
    assertContentAllowed(input.content);
    const message = await appendMessage(tx, conversation, {
      senderKind: "TRAINER",
      senderId: trainer.id,
      content: input.content,
      at: input.at,
    });
    return { message, conversation, trainer };
  });
}
