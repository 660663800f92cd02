import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

/** Drizzle mirror of migrations/ (the SQL there is the source of truth for DDL). */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const users = pgTable("users", {
  id: text("id").primaryKey(),
  email: text("email"),
  firstName: text("first_name").notNull(),
  lastName: text("last_name").notNull(),
  kind: text("kind").$type<"agent" | "human">().notNull(),
  createdAt: ts("created_at").notNull(),
});

export const accounts = pgTable("accounts", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  ownerUserId: text("owner_user_id").notNull(),
  agentName: text("agent_name"),
  claimedAt: ts("claimed_at"),
  createdAt: ts("created_at").notNull(),
});

export const memberships = pgTable(
  "memberships",
  {
    accountId: text("account_id").notNull(),
    userId: text("user_id").notNull(),
    role: text("role").$type<"OWNER" | "MEMBER">().notNull(),
    joinedAt: ts("joined_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.userId] })],
);

export const accountFeatures = pgTable(
  "account_features",
  {
    accountId: text("account_id").notNull(),
    flag: text("flag").notNull(),
    enabled: boolean("enabled").notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.flag] })],
);

export type TokenOrigin = "pre_claim" | "post_claim" | "api" | "app";

export const apiTokens = pgTable("api_tokens", {
  id: text("id").primaryKey(),
  accountId: text("account_id").notNull(),
  userId: text("user_id").notNull(),
  name: text("name").notNull(),
  tokenHash: text("token_hash").notNull(),
  preview: text("preview").notNull(),
  scopes: text("scopes").array().notNull(),
  origin: text("origin").$type<TokenOrigin>().notNull(),
  createdAt: ts("created_at").notNull(),
  lastUsedAt: ts("last_used_at"),
  expiresAt: ts("expires_at"),
  revokedAt: ts("revoked_at"),
});

export const registrations = pgTable("registrations", {
  id: text("id").primaryKey(),
  accountId: text("account_id").notNull(),
  agentUserId: text("agent_user_id").notNull(),
  claimTokenHash: text("claim_token_hash").notNull(),
  agentName: text("agent_name"),
  expiresAt: ts("expires_at").notNull(),
  tokenDeliveredAt: ts("token_delivered_at"),
  lastPollAt: ts("last_poll_at"),
  pollIntervalSeconds: integer("poll_interval_seconds").notNull(),
  createdAt: ts("created_at").notNull(),
});

export type ClaimAttemptStatus = "pending" | "accepted" | "declined" | "superseded";

export const claimAttempts = pgTable("claim_attempts", {
  id: text("id").primaryKey(),
  registrationId: text("registration_id").notNull(),
  attemptTokenHash: text("attempt_token_hash").notNull(),
  userCode: text("user_code").notNull(),
  email: text("email").notNull(),
  status: text("status").$type<ClaimAttemptStatus>().notNull(),
  failedCodeEntries: integer("failed_code_entries").notNull(),
  acceptedByUserId: text("accepted_by_user_id"),
  expiresAt: ts("expires_at").notNull(),
  resolvedAt: ts("resolved_at"),
  createdAt: ts("created_at").notNull(),
});

export const webSessions = pgTable("web_sessions", {
  idHash: text("id_hash").primaryKey(),
  userId: text("user_id").notNull(),
  createdAt: ts("created_at").notNull(),
  expiresAt: ts("expires_at").notNull(),
  revokedAt: ts("revoked_at"),
});

export const loginLinks = pgTable("login_links", {
  tokenHash: text("token_hash").primaryKey(),
  email: text("email").notNull(),
  expiresAt: ts("expires_at").notNull(),
  usedAt: ts("used_at"),
  createdAt: ts("created_at").notNull(),
});

export const emails = pgTable("emails", {
  id: text("id").primaryKey(),
  toAddress: text("to_address").notNull(),
  subject: text("subject").notNull(),
  textBody: text("text_body").notNull(),
  actionUrl: text("action_url"),
  createdAt: ts("created_at").notNull(),
});

export const teamInvites = pgTable("team_invites", {
  id: text("id").primaryKey(),
  accountId: text("account_id").notNull(),
  email: text("email").notNull(),
  tokenHash: text("token_hash").notNull(),
  invitedByUserId: text("invited_by_user_id").notNull(),
  createdAt: ts("created_at").notNull(),
  expiresAt: ts("expires_at").notNull(),
  acceptedAt: ts("accepted_at"),
  acceptedByUserId: text("accepted_by_user_id"),
});

export const sandboxState = pgTable("sandbox_state", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
});

export type JobStatusValue = "DRAFT" | "OPEN" | "ONGOING" | "COMPLETED" | "ARCHIVED" | "PENDING_APPROVAL";

/** Job import report kept with a draft: what the importer could not place or was unsure of. */
export interface JobImportReport {
  warnings?: string[];
  unmappedFields?: { path: string; reason: string; valuePreview: string | null }[];
  lowConfidenceFields?: { field: string; value?: unknown; confidence?: number; reason?: string }[];
  /** Parser hints that are not update keys (skills, category, currency, deadline). */
  hints?: { category?: string | null; skills?: string[]; currency?: string | null; deadline?: string | null };
}

export const jobs = pgTable("jobs", {
  id: text("id").primaryKey(),
  accountId: text("account_id").notNull(),
  createdByUserId: text("created_by_user_id"),
  status: text("status").$type<JobStatusValue>().notNull(),
  visibility: text("visibility").$type<"PUBLIC" | "INVITE_ONLY">().notNull(),
  slug: text("slug").notNull(),
  title: text("title"),
  description: text("description"),
  dataType: text("data_type"),
  subjectMatter: text("subject_matter"),
  dataVolume: doublePrecision("data_volume"),
  dataVolumeUnit: text("data_volume_unit"),
  labelingSoftware: text("labeling_software"),
  headcount: integer("headcount"),
  experienceLevel: text("experience_level"),
  paymentType: text("payment_type"),
  pricePerHourMicros: bigint("price_per_hour_micros", { mode: "number" }),
  pricePerLabelMicros: bigint("price_per_label_micros", { mode: "number" }),
  fixedPriceMicros: bigint("fixed_price_micros", { mode: "number" }),
  budgetMinMicros: bigint("budget_min_micros", { mode: "number" }),
  budgetMaxMicros: bigint("budget_max_micros", { mode: "number" }),
  countries: text("countries").array().notNull(),
  languages: text("languages").array().notNull(),
  labelTypes: text("label_types").array().notNull(),
  details: jsonb("details").$type<Record<string, unknown>>().notNull(),
  category: text("category").notNull(),
  skills: text("skills").array().notNull(),
  /** Generated: countries, or ['*'] for worldwide. */
  countryKeys: text("country_keys")
    .array()
    .generatedAlwaysAs(sql`CASE WHEN cardinality(countries) = 0 THEN ARRAY['*'] ELSE countries END`),
  /** Generated tsvector over title (A), skills (B) and description (C); read through SQL. */
  importFormat: text("import_format").notNull(),
  importReport: jsonb("import_report").$type<JobImportReport>().notNull(),
  externalId: text("external_id"),
  idempotencyKey: text("idempotency_key"),
  idempotencyBodyHash: text("idempotency_body_hash"),
  moderationDecision: text("moderation_decision").$type<"ALLOW" | "BLOCK">(),
  moderationReasons: text("moderation_reasons").array().notNull(),
  moderatedAt: ts("moderated_at"),
  createdAt: ts("created_at").notNull(),
  updatedAt: ts("updated_at").notNull(),
  firstPublishedAt: ts("first_published_at"),
  publishedAt: ts("published_at"),
  closedAt: ts("closed_at"),
});

export const jobPublishLog = pgTable("job_publish_log", {
  id: text("id").primaryKey(),
  accountId: text("account_id").notNull(),
  jobId: text("job_id").notNull(),
  publishedAt: ts("published_at").notNull(),
});

export type JobChangeType = "PUBLISHED" | "UPDATED" | "CLOSED";

export const jobChanges = pgTable("job_changes", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  jobId: text("job_id").notNull(),
  eventType: text("event_type").$type<JobChangeType>().notNull(),
  occurredAt: ts("occurred_at").notNull(),
});

export * from "./schema-trainers.js";
export * from "./schema-proposals.js";
export * from "./schema-events.js";
export * from "./schema-messages.js";
export * from "./schema-money.js";
export * from "./schema-hiring.js";
export * from "./schema-webhooks.js";
