import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { idParam } from "../../schemas/params.js";

export const sandboxTrainersMessage = defineOperation({
  id: "sandbox.trainersMessage",
  resource: "sandbox",
  summary: "Post a message as a sandbox trainer",
  description:
    "A message from the trainer into a conversation they are part of (message.received fires for the employer), through the same path the simulated trainers use. 404 when the trainer is not in the conversation; 409 details.reason employer_first_message_required (a pre-hire thread before the employer wrote), read_only_conversation; 403 message_policy_blocked (+ policy) for contact details or off-platform payment requests.",
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
  output: z.looseObject({
    ok: z.literal(true),
    messageId: z.string(),
    conversationId: z.string(),
    createdAt: z.string(),
  }),
  errors: ["BAD_REQUEST", "FORBIDDEN", "NOT_FOUND", "CONFLICT"],
  hints: { destructive: false, idempotent: false },
  cli: {
    command: ["sandbox", "trainers", "message"],
    positional: ["trainerId"],
    aliases: { content: ["message", "text"] },
  },
});
