import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { idParam } from "../../schemas/params.js";
import { webhookSchema } from "../../schemas/webhooks.js";

export const webhooksDelete = defineOperation({
  id: "webhooks.delete",
  resource: "webhooks",
  summary: "Delete a webhook subscription",
  description:
    "Permanent: deliveries stop at once and the delivery history is deleted. Also the way to resume a DISABLED subscription or replace a lost secret: delete, then create a new one and catch up from GET /updates.",
  method: "DELETE",
  api: "public",
  path: "/webhooks/{webhookId}",
  auth: "bearer",
  scope: "webhooks:manage",
  feature: "public_api_webhooks",
  input: z.object({ webhookId: idParam("Webhook subscription id to delete") }),
  output: z.object({
    webhook: webhookSchema.describe("The subscription as it was when deleted"),
    deleted: z.literal(true),
  }),
  errors: ["NOT_FOUND"],
  hints: { destructive: true, idempotent: true },
  tool: {
    name: "opentrain_delete_webhook",
    title: "Delete webhook",
    description:
      "Delete a webhook subscription and stop its deliveries. This is also how a DISABLED subscription is resumed: delete it and create a new one (which mints a new secret).",
  },
  cli: { command: ["webhooks", "delete"], positional: ["webhookId"] },
});
