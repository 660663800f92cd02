import { and, eq } from "drizzle-orm";
import { webhookSubscriptions, type WebhookSubscriptionRow } from "../../db/schema.js";
import { notFound } from "../../errors.js";
import type { ServiceContext } from "../context.js";

/** The account's subscription; another account's (or an unknown id) is a 404, never a 403. */
export async function findOwnedWebhook(
  ctx: ServiceContext,
  accountId: string,
  webhookId: string,
  opts: { lock?: boolean } = {},
): Promise<WebhookSubscriptionRow> {
  const query = ctx.db
    .select()
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.id, webhookId), eq(webhookSubscriptions.accountId, accountId)))
    .limit(1);
  const [row] = opts.lock ? await query.for("update") : await query;
  if (!row) throw notFound("No webhook subscription with this id.", { resource: "webhooks", webhookId });
  return row;
}
