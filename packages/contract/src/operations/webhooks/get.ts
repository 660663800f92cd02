import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { idParam } from "../../schemas/params.js";
import { webhookSchema } from "../../schemas/webhooks.js";

export const webhooksGet = defineOperation({
  id: "webhooks.get",
  resource: "webhooks",
  summary: "Read one webhook subscription",
  description:
    'URL, event types, status (ACTIVE or DISABLED) and disable details. Never the secret. Unknown or foreign ids answer 404 (details {resource: "webhooks", webhookId}).',
  method: "GET",
  api: "public",
  path: "/webhooks/{webhookId}",
  auth: "bearer",
  scope: "webhooks:manage",
  feature: "public_api_webhooks",
  input: z.object({ webhookId: idParam("Webhook subscription id") }),
  output: z.object({ webhook: webhookSchema }),
  errors: ["NOT_FOUND"],
  tool: {
    name: "opentrain_get_webhook",
    title: "Get webhook",
    description:
      "Read one webhook subscription: URL, event types, status (ACTIVE or DISABLED), and failure/disable details. The signing secret is never returned — if lost, delete and re-create the subscription.",
  },
  cli: { command: ["webhooks", "get"], positional: ["webhookId"] },
});
