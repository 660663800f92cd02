import type { operations } from "@opentrain-ai/contract";
import { iso } from "../../clock.js";
import type { Handler } from "../../http/request-context.js";
import { postTrainerMessage } from "../../services/messages/post-trainer-message.js";

/** The sandbox helper "trainer writes": the same path as the simulated trainers' replies. */
export const trainersMessage: Handler<typeof operations.sandboxTrainersMessage> = async (ctx, input) => {
  const { message } = await postTrainerMessage(ctx, input);
  return { ok: true, messageId: message.id, conversationId: message.conversationId, createdAt: iso(message.createdAt) };
};
