import { randomUUID } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import { rowsOf } from "../../db/migrate.js";
import { events, webhookSubscriptions } from "../../db/schema.js";
import { withTransaction, type ServiceContext } from "../context.js";
import { toPlatformEvent } from "../events/event-view.js";
import { openSecret } from "../secrets/secret-box.js";

/**
 * How long a worker holds an attempt, on the database's clock: the 10 s delivery timeout plus
 * room to record the outcome. A worker that dies mid-attempt blocks that attempt this long,
 * then any worker takes it again (at-least-once; the delivery id stays the same).
 */
export const DELIVERY_LEASE_SECONDS = 20;

/** One attempt a worker now holds. */
export interface ClaimedDelivery {
  deliveryId: string;
  leaseToken: string;
  /** 1 for the first attempt. */
  attempt: number;
  subscriptionId: string;
  url: string;
  /** The subscription's whsec_ secret, opened for signing; null when it does not open (key changed). */
  secret: string | null;
  eventType: string;
  /** The exact bytes to send and sign: one event record, as GET /updates shows it. */
  body: string;
}

interface LeasedRow {
  id: string;
  subscription_id: string;
  event_id: string | number;
  attempts: number;
}

/**
 * Takes up to `limit` deliveries that are due at the platform clock's now and not held by a live
 * lease: FOR UPDATE SKIP LOCKED, so workers in several processes split the due rows and none
 * waits for another, and the lease is written in the same statement before the lock is
 * released. The HTTP request happens outside any transaction.
 */
export async function claimDueDeliveries(ctx: ServiceContext, limit: number): Promise<ClaimedDelivery[]> {
  if (limit <= 0) return [];
  const leaseToken = randomUUID();
  const now = ctx.clock.now();
  const leased = await withTransaction(ctx, async (tx) =>
    rowsOf<LeasedRow>(
      await tx.db.execute(sql`
        WITH due AS (
          SELECT id FROM webhook_deliveries
          WHERE status = 'PENDING' AND next_attempt_at <= ${now}
            AND (lease_expires_at IS NULL OR lease_expires_at <= now())
          ORDER BY next_attempt_at, id
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED
        )
        UPDATE webhook_deliveries d
        SET lease_token = ${leaseToken}, lease_expires_at = now() + make_interval(secs => ${DELIVERY_LEASE_SECONDS})
        FROM due WHERE d.id = due.id
        RETURNING d.id, d.subscription_id, d.event_id, d.attempts`),
    ),
  );
  if (leased.length === 0) return [];
  const subscriptionIds = [...new Set(leased.map((r) => r.subscription_id))];
  const eventIds = [...new Set(leased.map((r) => Number(r.event_id)))];
  const [subs, evts] = await Promise.all([
    ctx.db.select().from(webhookSubscriptions).where(inArray(webhookSubscriptions.id, subscriptionIds)),
    ctx.db.select().from(events).where(inArray(events.id, eventIds)),
  ]);
  const subById = new Map(subs.map((s) => [s.id, s]));
  const eventById = new Map(evts.map((e) => [e.id, e]));
  const claimed: ClaimedDelivery[] = [];
  for (const r of leased) {
    const sub = subById.get(r.subscription_id);
    const event = eventById.get(Number(r.event_id));
    // Deleted since (the cascade removes the row too) or missing: nothing to send.
    if (!sub || !event) continue;
    let secret: string | null = null;
    try {
      secret = openSecret(ctx.config, sub.secretCiphertext, sub.id);
    } catch (err) {
      ctx.log.error(
        { err, subscriptionId: sub.id },
        "webhooks: the signing secret does not open (was OPENTRAIN_SECRET_KEY changed?)",
      );
    }
    claimed.push({
      deliveryId: r.id,
      leaseToken,
      attempt: r.attempts + 1,
      subscriptionId: sub.id,
      url: sub.url,
      secret,
      eventType: event.type,
      body: JSON.stringify(toPlatformEvent(event)),
    });
  }
  return claimed;
}
