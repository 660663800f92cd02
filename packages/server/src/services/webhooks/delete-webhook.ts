import type { Webhook } from "@opentrain-ai/contract";
import { eq } from "drizzle-orm";
import { webhookSubscriptions } from "../../db/schema.js";
import { withTransaction, type Principal, type ServiceContext } from "../context.js";
import { findOwnedWebhook } from "./find-owned-webhook.js";
import { toWebhook } from "./webhook-view.js";

/**
 * DELETE /webhooks/{webhookId}: removes the subscription and, by cascade, its deliveries, so
 * nothing more is sent (an attempt already in flight finds its row gone and records nothing).
 * Answers the subscription as it was.
 */
export async function deleteWebhook(ctx: ServiceContext, principal: Principal, webhookId: string): Promise<Webhook> {
  return withTransaction(ctx, async (tx) => {
    const row = await findOwnedWebhook(tx, principal.accountId, webhookId, { lock: true });
    await tx.db.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, row.id));
    return toWebhook(row);
  });
}
