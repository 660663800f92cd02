import type {
  ApprovalStatus,
  ApprovalType,
  BudgetState,
  ContractStatus,
  MilestoneStatus,
  PAYMENT_TYPES,
} from "@opentrain-ai/contract";
import type { FundingSourceValue } from "./schema-money.js";
import { bigint, doublePrecision, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Drizzle mirror of migrations/0007-hiring.ts (the SQL there is the source of truth for DDL). */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export type ContractPaymentType = (typeof PAYMENT_TYPES)[number];

export const contracts = pgTable("contracts", {
  id: text("id").primaryKey(),
  accountId: text("account_id").notNull(),
  jobId: text("job_id").notNull(),
  proposalId: text("proposal_id").notNull(),
  trainerId: text("trainer_id").notNull(),
  status: text("status").$type<ContractStatus>().notNull(),
  title: text("title").notNull(),
  paymentType: text("payment_type").$type<ContractPaymentType>().notNull(),
  /** Hourly or per-label rate, or the fixed price, in micro-dollars; null when unknown. */
  rateMicros: bigint("rate_micros", { mode: "number" }),
  jobDmConversationId: text("job_dm_conversation_id"),
  /** The last budget state written (contract.budget_state_changed fires when it moves). */
  budgetState: text("budget_state").$type<BudgetState>().notNull(),
  consumedSeconds: bigint("consumed_seconds", { mode: "number" }).notNull(),
  consumedLabels: bigint("consumed_labels", { mode: "number" }).notNull(),
  consumedTasks: bigint("consumed_tasks", { mode: "number" }).notNull(),
  lastUsageAt: ts("last_usage_at"),
  hiredByUserId: text("hired_by_user_id").notNull(),
  createdAt: ts("created_at").notNull(),
  updatedAt: ts("updated_at").notNull(),
  endedAt: ts("ended_at"),
});
export type ContractRow = typeof contracts.$inferSelect;

export const milestones = pgTable("milestones", {
  id: text("id").primaryKey(),
  contractId: text("contract_id").notNull(),
  accountId: text("account_id").notNull(),
  milestoneNumber: integer("milestone_number").notNull(),
  name: text("name"),
  description: text("description").notNull(),
  status: text("status").$type<MilestoneStatus>().notNull(),
  amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
  /** Hours or labels (hourly / per-label contracts); null on fixed price. */
  volume: doublePrecision("volume"),
  dueDate: text("due_date"),
  fundingSource: text("funding_source").$type<FundingSourceValue>(),
  /** Fees captured when it was funded (marketplace fee, plus the contract fee on the hire). */
  feeCents: bigint("fee_cents", { mode: "number" }),
  invoiceId: text("invoice_id"),
  paymentIntentId: text("payment_intent_id"),
  fundedAt: ts("funded_at"),
  /** The trainer marked the work complete and asked to be paid. */
  payoutRequestedAt: ts("payout_requested_at"),
  payoutTransactionId: text("payout_transaction_id"),
  paidAt: ts("paid_at"),
  /** Refunded or cancelled. */
  closedAt: ts("closed_at"),
  createdAt: ts("created_at").notNull(),
  updatedAt: ts("updated_at").notNull(),
});
export type MilestoneRow = typeof milestones.$inferSelect;

/** The first milestone of a hire as the agent asked for it (and as the human confirmed it). */
export interface HireMilestoneTerms {
  name: string | null;
  description: string | null;
  amountCents: number;
  dueDate: string | null;
}

/** What an approval asks for: the hire's milestone; other types act on their subject as it is. */
export interface ApprovalTerms {
  milestone?: HireMilestoneTerms;
  confirmNotFitOverride?: boolean;
}

/** What the human chose when confirming. */
export interface ApprovalResolution {
  paymentSource?: FundingSourceValue;
  milestone?: HireMilestoneTerms;
  escrowCents?: number;
  feeCents?: number;
  refundedMilestoneIds?: string[];
}

export const approvals = pgTable("approvals", {
  id: text("id").primaryKey(),
  accountId: text("account_id").notNull(),
  type: text("type").$type<ApprovalType>().notNull(),
  status: text("status").$type<ApprovalStatus>().notNull(),
  /** The proposal (hire), milestone (fund, approve) or contract (end): one pending request each. */
  subjectId: text("subject_id").notNull(),
  jobId: text("job_id").notNull(),
  proposalId: text("proposal_id"),
  contractId: text("contract_id"),
  milestoneId: text("milestone_id"),
  terms: jsonb("terms").$type<ApprovalTerms>().notNull(),
  /** Canonical text of `terms`: the same request again returns the same pending approval. */
  termsKey: text("terms_key").notNull(),
  requestedByUserId: text("requested_by_user_id").notNull(),
  requestedByTokenId: text("requested_by_token_id"),
  /** Set when a hire with new terms replaced this one (its status is then `expired`). */
  supersededById: text("superseded_by_id"),
  resolution: jsonb("resolution").$type<ApprovalResolution>(),
  result: jsonb("result").$type<Record<string, unknown>>(),
  resolvedByUserId: text("resolved_by_user_id"),
  expiresAt: ts("expires_at").notNull(),
  resolvedAt: ts("resolved_at"),
  createdAt: ts("created_at").notNull(),
  updatedAt: ts("updated_at").notNull(),
});
export type ApprovalRow = typeof approvals.$inferSelect;
