import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { sendMessage } from "../../services/messages/send-message.js";

export const send: Handler<typeof operations.messagesSend> = async (ctx, input) => ({
  ok: true,
  message: await sendMessage(ctx, principalOf(ctx), input),
});
