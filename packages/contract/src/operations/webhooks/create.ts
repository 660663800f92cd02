import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { EVENT_TYPES } from "../../schemas/events.js";
import { webhookSchema, webhookUrlSchema } from "../../schemas/webhooks.js";

export const webhooksCreate = defineOperation({
  id: "webhooks.create",
  resource: "webhooks",
  summary: "Subscribe an HTTPS URL to account events",
  description:
    "Answers 201 with the subscription and its whsec_ signing secret — shown only this once. Each event type needs its read scope on the calling token (403 otherwise); duplicates collapse. At most 10 subscriptions per account (409). No backfill: only events created afterwards are delivered.",
  method: "POST",
  api: "public",
  path: "/webhooks",
  auth: "bearer",
  scope: "webhooks:manage",
  feature: "public_api_webhooks",
  successStatus: 201,
  input: z.object({
    url: webhookUrlSchema.describe("HTTPS endpoint that will receive signed deliveries"),
    eventTypes: z
      .array(z.enum(EVENT_TYPES))
      .min(1)
      .describe('Event types to subscribe to, e.g. ["proposal.received", "message.received"]'),
  }),
  output: z.object({
    webhook: webhookSchema,
    secret: z.string().describe("whsec_ signing secret; returned only in this response"),
    message: z.string(),
  }),
  errors: ["BAD_REQUEST", "FORBIDDEN", "CONFLICT"],
  hints: { destructive: false, idempotent: false },
  tool: {
    name: "opentrain_create_webhook",
    title: "Create webhook",
    description:
      "Subscribe an HTTPS URL to platform events (push instead of polling). Deliveries are signed with HMAC-SHA256 — see Verify Webhook Signatures. The signing secret is returned once in this response; store it immediately. The subscription only receives events created after it.",
  },
  cli: {
    command: ["webhooks", "create"],
    positional: ["url"],
    aliases: { eventTypes: ["event-type", "events"] },
  },
});
