import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { listWebhooks } from "../../services/webhooks/list-webhooks.js";

export const list: Handler<typeof operations.webhooksList> = async (ctx) => ({
  webhooks: await listWebhooks(ctx, principalOf(ctx)),
});
