import type { EventType, eventDataSchemas } from "@opentrain-ai/contract";
import { sql } from "drizzle-orm";
import type { z } from "zod";
import { rowsOf } from "../../db/migrate.js";
import { CHANNELS } from "../../db/notifications.js";
import { events } from "../../db/schema.js";
import { onCommit, type ServiceContext } from "../context.js";

type EventData<T extends EventType> = z.infer<(typeof eventDataSchemas)[T]>;

/** Namespace of the per-account advisory lock that orders an account's event writers. */
const EVENT_LOCK_NAMESPACE = 87_870_002;

/**
 * Appends one event to the account's log and queues its webhook deliveries. Call it with the
 * transaction of the change the event describes, so the change, its event and its deliveries
 * commit together (the feed and webhooks read the log); preferably after the transaction's own
 * row locks, since it takes the account's event lock until commit.
 *
 * That lock makes an account's events commit in id order: without it a transaction holding id
 * 11 could commit after one holding id 12, and a reader that had already moved its cursor to 12
 * would never see 11. Writers of different accounts do not wait for each other.
 *
 * Deliveries go to every ACTIVE subscription of the account that takes this type; a NOTIFY
 * (delivered on commit) wakes the delivery workers.
 */
export async function recordEvent<T extends EventType>(
  tx: ServiceContext,
  event: { accountId: string; type: T; resourceId: string; jobId: string | null; data: EventData<T>; at?: Date },
): Promise<void> {
  await tx.db.execute(sql`SELECT pg_advisory_xact_lock(${EVENT_LOCK_NAMESPACE}, hashtext(${event.accountId}))`);
  const [row] = await tx.db
    .insert(events)
    .values({
      accountId: event.accountId,
      type: event.type,
      resourceId: event.resourceId,
      jobId: event.jobId,
      data: event.data as Record<string, unknown>,
      createdAt: event.at ?? tx.clock.now(),
    })
    .returning({ id: events.id });
  // Due now on the platform clock, whatever time the event itself carries.
  const now = tx.clock.now();
  const queued = await tx.db.execute(sql`
    INSERT INTO webhook_deliveries (id, subscription_id, event_id, status, attempts, next_attempt_at, created_at)
    SELECT 'whd_' || replace(gen_random_uuid()::text, '-', ''), s.id, ${row!.id}, 'PENDING', 0, ${now}, ${now}
    FROM webhook_subscriptions s
    WHERE s.account_id = ${event.accountId} AND s.status = 'ACTIVE' AND ${event.type} = ANY (s.event_types)
    RETURNING id`);
  // Pollers at the end of the account's log (services/updates/event-tail-cache.ts) learn of it.
  await tx.db.execute(sql`SELECT pg_notify(${CHANNELS.accountEvents}, ${`${event.accountId}:${row!.id}`})`);
  onCommit(tx, () => tx.eventTail?.noteEvent(event.accountId, BigInt(row!.id)));
  if (rowsOf(queued).length > 0) {
    await tx.db.execute(sql`SELECT pg_notify(${CHANNELS.webhookDeliveries}, '')`);
  }
}
