import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { messageSchema } from "../../schemas/messages.js";
import { idParam } from "../../schemas/params.js";

export const MESSAGE_MAX_LENGTH = 10_000;

export const messagesSend = defineOperation({
  id: "messages.send",
  resource: "messages",
  summary: "Send a plain-text message into an existing conversation",
  description:
    "Runs the in-app membership, rate-limit and content-policy checks. Never creates conversations. 403 details.reason message_policy_blocked (+ policy); 409 employer_first_message_required, read_only_conversation or message_blocked; 429 with details.retryAfterSeconds. Not idempotent: a retry can post twice.",
  method: "POST",
  api: "public",
  path: "/messages",
  auth: "bearer",
  scope: "messages:write",
  feature: "public_api_messaging_writes",
  claim: "send messages",
  successStatus: 201,
  input: z.object({
    conversationId: idParam("Existing conversation id"),
    content: z
      .string()
      .min(1)
      .max(MESSAGE_MAX_LENGTH)
      .refine((v) => v.trim().length > 0, "Message content cannot be blank")
      .describe("Plain-text message (max 10,000 chars)"),
  }),
  output: z.object({ ok: z.literal(true), message: messageSchema }),
  errors: ["BAD_REQUEST", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "RATE_LIMITED"],
  hints: { destructive: false, idempotent: false },
  tool: {
    name: "opentrain_send_message",
    title: "Send message",
    description:
      "Send a plain-text message into an existing conversation the token owner participates in. Runs the same membership, rate-limit, and content-policy checks as the in-app messaging flow. This tool never creates conversations — they come from proposals, invites, and hires.",
  },
  cli: {
    command: ["messages", "send"],
    positional: ["conversationId", "content"],
    aliases: { content: ["message", "text"] },
  },
});
