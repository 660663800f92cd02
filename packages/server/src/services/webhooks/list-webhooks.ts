import type { Webhook } from "@opentrain-ai/contract";
import { desc, eq } from "drizzle-orm";
import { webhookSubscriptions } from "../../db/schema.js";
import type { Principal, ServiceContext } from "../context.js";
import { toWebhook } from "./webhook-view.js";

/** GET /webhooks: every subscription of the account (at most 10), newest first. */
export async function listWebhooks(ctx: ServiceContext, principal: Principal): Promise<Webhook[]> {
  const rows = await ctx.db
    .select()
    .from(webhookSubscriptions)
    .where(eq(webhookSubscriptions.accountId, principal.accountId))
    .orderBy(desc(webhookSubscriptions.createdAt), desc(webhookSubscriptions.id));
  return rows.map(toWebhook);
}
