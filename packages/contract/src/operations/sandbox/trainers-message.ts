import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { idParam } from "../../schemas/params.js";

export const sandboxTrainersMessage = defineOperation({
  id: "sandbox.trainersMessage",
  resource: "sandbox",
  summary: "Post a message as a sandbox trainer",
  description:
    "A message from the trainer into a conversation they are part of (message.received fires for the employer). The employer-first rule applies to pre-hire threads.",
  method: "POST",
  api: "sandbox",
  path: "/trainers/{trainerId}/messages",
  auth: "sandbox",
  scope: null,
  successStatus: 201,
  input: z.object({
    trainerId: idParam("Sandbox trainer user id"),
    conversationId: idParam("Conversation id"),
    content: z.string().min(1).max(10_000).describe("Plain-text message"),
  }),
  output: z.looseObject({ messageId: z.string(), conversationId: z.string() }),
  errors: ["BAD_REQUEST", "NOT_FOUND", "CONFLICT"],
  hints: { destructive: false, idempotent: false },
  cli: {
    command: ["sandbox", "trainers", "message"],
    positional: ["trainerId"],
    aliases: { content: ["message", "text"] },
  },
});
