import type { Message } from "@opentrain-ai/contract";
import { conflict } from "../../errors.js";
import { withTransaction, type Principal, type ServiceContext } from "../context.js";
import { appendMessage } from "./append-message.js";
import { assertContentAllowed } from "./content-policy.js";
import { readOnlyConflict } from "./conversation-errors.js";
import { toMessage } from "./conversation-view.js";
import { findEmployerConversation } from "./find-conversation.js";
import { assertWithinRateLimit } from "./rate-limit.js";
import { advanceReadMarker } from "./read-markers.js";
import { scheduleTrainerReply } from "./schedule-trainer-reply.js";

/**
 * POST /messages: the employer side posts into one of the account's conversations. The checks
 * run in this fixed order, inside one transaction that holds the conversation row lock:
 * 1. participant: the conversation belongs to the caller's account, else 404 (like an unknown id);
 * 2. 409 `read_only_conversation`;
 * 3. 409 `message_blocked`: the trainer's account is suspended, nobody can reach them;
 * 4. 403 `message_policy_blocked` + `policy` (content policy, see content-policy.ts);
 * 5. 429 `RATE_LIMITED` + `retryAfterSeconds` (per conversation and side, see rate-limit.ts).
 * (The employer-first rule binds only the trainer.) Then the message is stored, the sender's
 * read marker moves to it, and in the sandbox a simulated trainer's reply is scheduled.
 * Answers the message as the sender sees it.
 */
export async function sendMessage(
  ctx: ServiceContext,
  principal: Principal,
  input: { conversationId: string; content: string },
): Promise<Message> {
  return withTransaction(ctx, async (tx) => {
    const { conversation, trainer } = await findEmployerConversation(tx, principal.accountId, input.conversationId, {
      lock: true,
    });
    if (conversation.readOnly) throw readOnlyConflict(conversation.id);
    if (trainer.status === "SUSPENDED") {
      throw conflict("This AI trainer can no longer receive messages.", {
        reason: "message_blocked",
        conversationId: conversation.id,
      });
    }
    assertContentAllowed(input.content);
    const now = tx.clock.now();
    await assertWithinRateLimit(tx, conversation.id, "EMPLOYER", now);
    const message = await appendMessage(tx, conversation, {
      senderKind: "EMPLOYER",
      senderId: principal.userId,
      content: input.content,
      at: now,
    });
    await scheduleTrainerReply(tx, conversation, trainer, message);
    // Replying reads the thread: the sender has seen everything up to their own message.
    await advanceReadMarker(tx, conversation, principal.userId, message);
    return toMessage(message, conversation, trainer, principal.userId, null);
  });
}
