import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { createWebhook } from "../../services/webhooks/create-webhook.js";

export const create: Handler<typeof operations.webhooksCreate> = (ctx, input) =>
  createWebhook(ctx, principalOf(ctx), input);
