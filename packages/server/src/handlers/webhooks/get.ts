import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { getWebhook } from "../../services/webhooks/get-webhook.js";

export const get: Handler<typeof operations.webhooksGet> = async (ctx, input) => ({
  webhook: await getWebhook(ctx, principalOf(ctx), input.webhookId),
});
