import type { Webhook } from "@opentrain-ai/contract";
import type { Principal, ServiceContext } from "../context.js";
import { findOwnedWebhook } from "./find-owned-webhook.js";
import { toWebhook } from "./webhook-view.js";

/** GET /webhooks/{webhookId}. */
export async function getWebhook(ctx: ServiceContext, principal: Principal, webhookId: string): Promise<Webhook> {
  return toWebhook(await findOwnedWebhook(ctx, principal.accountId, webhookId));
}
