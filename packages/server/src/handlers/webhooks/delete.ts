import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { deleteWebhook } from "../../services/webhooks/delete-webhook.js";

export const remove: Handler<typeof operations.webhooksDelete> = async (ctx, input) => ({
  webhook: await deleteWebhook(ctx, principalOf(ctx), input.webhookId),
  deleted: true as const,
});
