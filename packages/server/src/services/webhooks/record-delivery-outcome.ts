import { WEBHOOK_MAX_ATTEMPTS, WEBHOOK_RETRY_DELAYS_SECONDS } from "@opentrain-ai/contract";
import { and, eq, sql } from "drizzle-orm";
import { webhookDeliveries, webhookSubscriptions, type WebhookSubscriptionRow } from "../../db/schema.js";
import { withTransaction, type ServiceContext } from "../context.js";
import type { ClaimedDelivery } from "./claim-due-deliveries.js";

export interface AttemptResult {
  ok: boolean;
  /** HTTP status when the receiver answered. */
  statusCode: number | null;
  /** Why the attempt failed, for the logs and disabledReason. */
  error: string | null;
}

export type OutcomeRecorded = "succeeded" | "retry_scheduled" | "failed" | "subscription_disabled" | "lease_lost";

/**
 * Records one attempt's result, if the worker still holds its lease (a disabled or deleted
 * subscription, or a lease that ran out and was taken over, makes this a no-op).
 *
 * Success completes the delivery. A failure schedules the next attempt 1, 5, 30 and 120
 * minutes later on the platform clock; the 5th failure fails the delivery and, unless the
 * receiver accepted any delivery since this one's first attempt, disables the subscription
 * (docs/decisions.md): status DISABLED with disabledAt/disabledReason, and its pending
 * deliveries fail with it. The subscription row is locked first, then the delivery, the order
 * every writer of both uses.
 */
export async function recordDeliveryOutcome(
  ctx: ServiceContext,
  claimed: ClaimedDelivery,
  result: AttemptResult,
): Promise<OutcomeRecorded> {
  return withTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const [sub] = await tx.db
      .select()
      .from(webhookSubscriptions)
      .where(eq(webhookSubscriptions.id, claimed.subscriptionId))
      .for("update");
    if (!sub || sub.status !== "ACTIVE") return "lease_lost";
    const held = and(
      eq(webhookDeliveries.id, claimed.deliveryId),
      eq(webhookDeliveries.leaseToken, claimed.leaseToken),
      eq(webhookDeliveries.status, "PENDING"),
    );
    const common = {
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      leaseToken: null,
      leaseExpiresAt: null,
      firstAttemptAt: sql`coalesce(${webhookDeliveries.firstAttemptAt}, ${now})`,
      lastAttemptAt: now,
      lastStatusCode: result.statusCode,
      lastError: result.ok ? null : (result.error ?? "failed"),
    };
    if (result.ok) {
      const done = await tx.db
        .update(webhookDeliveries)
        .set({ ...common, status: "SUCCEEDED", completedAt: now })
        .where(held)
        .returning({ id: webhookDeliveries.id });
      if (done.length === 0) return "lease_lost";
      await tx.db
        .update(webhookSubscriptions)
        .set({ consecutiveFailures: 0, lastSuccessAt: now })
        .where(eq(webhookSubscriptions.id, sub.id));
      return "succeeded";
    }

    const attempts = claimed.attempt;
    const exhausted = attempts >= WEBHOOK_MAX_ATTEMPTS;
    const delaySeconds = WEBHOOK_RETRY_DELAYS_SECONDS[attempts - 1] ?? 0;
    const [row] = await tx.db
      .update(webhookDeliveries)
      .set(
        exhausted
          ? { ...common, status: "FAILED", completedAt: now }
          : { ...common, nextAttemptAt: new Date(now.getTime() + delaySeconds * 1000) },
      )
      .where(held)
      .returning({ firstAttemptAt: webhookDeliveries.firstAttemptAt });
    if (!row) return "lease_lost";
    await tx.db
      .update(webhookSubscriptions)
      .set({ consecutiveFailures: sql`${webhookSubscriptions.consecutiveFailures} + 1` })
      .where(eq(webhookSubscriptions.id, sub.id));
    if (!exhausted) return "retry_scheduled";
    const firstAttemptAt = row.firstAttemptAt ?? now;
    if (sub.lastSuccessAt && sub.lastSuccessAt.getTime() >= firstAttemptAt.getTime()) return "failed";
    await disableSubscription(tx, sub, now, disabledReason(claimed, result, firstAttemptAt, now));
    return "subscription_disabled";
  });
}

function disabledReason(claimed: ClaimedDelivery, result: AttemptResult, first: Date, now: Date): string {
  const last = result.error ?? (result.statusCode ? `HTTP ${result.statusCode}` : "failed");
  return (
    `Disabled after repeated delivery failures: delivery ${claimed.deliveryId} failed all ${WEBHOOK_MAX_ATTEMPTS} attempts ` +
    `from ${first.toISOString()} to ${now.toISOString()} with no successful delivery in between (last: ${last}). ` +
    "Fix the receiver, delete this subscription and create a new one, then catch up from GET /updates."
  );
}

async function disableSubscription(
  tx: ServiceContext,
  sub: WebhookSubscriptionRow,
  now: Date,
  reason: string,
): Promise<void> {
  await tx.db
    .update(webhookSubscriptions)
    .set({ status: "DISABLED", disabledAt: now, disabledReason: reason })
    .where(eq(webhookSubscriptions.id, sub.id));
  await tx.db
    .update(webhookDeliveries)
    .set({
      status: "FAILED",
      completedAt: now,
      leaseToken: null,
      leaseExpiresAt: null,
      lastError: "subscription disabled",
    })
    .where(and(eq(webhookDeliveries.subscriptionId, sub.id), eq(webhookDeliveries.status, "PENDING")));
  tx.log.warn({ subscriptionId: sub.id, reason }, "webhooks: subscription disabled");
}
