import { bigint, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Drizzle mirror of migrations/0008-webhooks.ts (the SQL there is the source of truth for DDL). */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export type WebhookStatus = "ACTIVE" | "DISABLED";
export type WebhookDeliveryStatus = "PENDING" | "SUCCEEDED" | "FAILED";

export const webhookSubscriptions = pgTable("webhook_subscriptions", {
  id: text("id").primaryKey(),
  accountId: text("account_id").notNull(),
  url: text("url").notNull(),
  /** Catalogue types, de-duplicated, in catalogue order. */
  eventTypes: text("event_types").array().notNull(),
  /** The whsec_ secret, AES-256-GCM under OPENTRAIN_SECRET_KEY (services/webhooks/secret-box.ts). */
  secretCiphertext: text("secret_ciphertext").notNull(),
  status: text("status").$type<WebhookStatus>().notNull(),
  /** Failed attempts since the last successful one. */
  consecutiveFailures: integer("consecutive_failures").notNull(),
  lastSuccessAt: ts("last_success_at"),
  createdByUserId: text("created_by_user_id").notNull(),
  createdAt: ts("created_at").notNull(),
  disabledAt: ts("disabled_at"),
  disabledReason: text("disabled_reason"),
});
export type WebhookSubscriptionRow = typeof webhookSubscriptions.$inferSelect;

/** The outbox: one row per (event, subscription); its id is the X-OpenTrain-Delivery header. */
export const webhookDeliveries = pgTable("webhook_deliveries", {
  id: text("id").primaryKey(),
  subscriptionId: text("subscription_id").notNull(),
  eventId: bigint("event_id", { mode: "number" }).notNull(),
  status: text("status").$type<WebhookDeliveryStatus>().notNull(),
  /** Attempts whose outcome was recorded. */
  attempts: integer("attempts").notNull(),
  /** When the next attempt is due, on the platform clock (virtual in the sandbox). */
  nextAttemptAt: ts("next_attempt_at").notNull(),
  /** Set while a worker holds the attempt; the lease ends on the database clock. */
  leaseToken: text("lease_token"),
  leaseExpiresAt: ts("lease_expires_at"),
  firstAttemptAt: ts("first_attempt_at"),
  lastAttemptAt: ts("last_attempt_at"),
  lastStatusCode: integer("last_status_code"),
  lastError: text("last_error"),
  createdAt: ts("created_at").notNull(),
  completedAt: ts("completed_at"),
});
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
