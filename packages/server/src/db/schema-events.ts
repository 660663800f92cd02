import { bigserial, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Drizzle mirror of the events table of migrations/0004-proposals.ts (append-only account event log). */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const events = pgTable("events", {
  /** Monotonic: the feed's cursor. */
  id: bigserial("id", { mode: "number" }).primaryKey(),
  accountId: text("account_id").notNull(),
  /** One of the contract's EVENT_TYPES. */
  type: text("type").notNull(),
  /** The primary resource the event is about (the proposal for proposal.*). */
  resourceId: text("resource_id").notNull(),
  jobId: text("job_id"),
  /** IDs-only payload (spec 40 §1.2). */
  data: jsonb("data").$type<Record<string, unknown>>().notNull(),
  createdAt: ts("created_at").notNull(),
});
export type EventRow = typeof events.$inferSelect;
