import type { EventType, Webhook } from "@opentrain-ai/contract";
import { iso } from "../../clock.js";
import type { WebhookSubscriptionRow } from "../../db/schema.js";

/** A subscription as the API shows it: never the secret. */
export function toWebhook(row: WebhookSubscriptionRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    eventTypes: row.eventTypes as EventType[],
    status: row.status,
    createdAt: iso(row.createdAt),
    disabledAt: iso(row.disabledAt),
    disabledReason: row.disabledReason,
  };
}
