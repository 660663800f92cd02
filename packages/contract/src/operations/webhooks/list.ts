import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { webhookSchema } from "../../schemas/webhooks.js";

export const webhooksList = defineOperation({
  id: "webhooks.list",
  resource: "webhooks",
  summary: "List webhook subscriptions",
  description:
    "All subscriptions of the account, newest first, with URL, event types and status. Not paginated; never secrets.",
  method: "GET",
  api: "public",
  path: "/webhooks",
  auth: "bearer",
  scope: "webhooks:manage",
  feature: "public_api_webhooks",
  input: z.object({}),
  output: z.object({ webhooks: z.array(webhookSchema) }),
  tool: {
    name: "opentrain_list_webhooks",
    title: "List webhooks",
    description:
      "List all webhook subscriptions with URL, event types, and status. Signing secrets are never included. No parameters. Requires: webhooks:manage + the public_api_webhooks feature.",
  },
  cli: { command: ["webhooks", "list"] },
});
