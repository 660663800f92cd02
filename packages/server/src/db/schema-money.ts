import type { LedgerEntryType, TopUpStatus } from "@opentrain-ai/contract";
import { bigint, bigserial, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Drizzle mirror of migrations/0006-money.ts (the SQL there is the source of truth for DDL). */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const cents = (name: string) => bigint(name, { mode: "number" });

export type FundingSourceValue = "credits" | "card";
export type LedgerBook =
  "customer_available" | "customer_reserved" | "escrow" | "card_clearing" | "platform_revenue" | "trainer_payable";
export type MovementKind = "TOP_UP" | "FUND" | "RELEASE" | "REFUND" | "ADJUSTMENT";
export type InvoiceStatus = "PENDING" | "PAID" | "RELEASED" | "REFUNDED" | "VOID";

export const creditAccounts = pgTable("credit_accounts", {
  accountId: text("account_id").primaryKey(),
  availableCents: cents("available_cents").notNull(),
  reservedCents: cents("reserved_cents").notNull(),
  createdAt: ts("created_at").notNull(),
  updatedAt: ts("updated_at").notNull(),
});

export const paymentMethods = pgTable("payment_methods", {
  id: text("id").primaryKey(),
  accountId: text("account_id").notNull(),
  provider: text("provider").notNull(),
  providerRef: text("provider_ref").notNull(),
  brand: text("brand").notNull(),
  last4: text("last4").notNull(),
  expMonth: integer("exp_month"),
  expYear: integer("exp_year"),
  addedByUserId: text("added_by_user_id"),
  createdAt: ts("created_at").notNull(),
  removedAt: ts("removed_at"),
});

export const creditTopUps = pgTable("credit_top_ups", {
  id: text("id").primaryKey(),
  accountId: text("account_id").notNull(),
  amountCents: cents("amount_cents").notNull(),
  status: text("status").$type<TopUpStatus>().notNull(),
  provider: text("provider").notNull(),
  checkoutSessionId: text("checkout_session_id").notNull(),
  paymentIntentId: text("payment_intent_id"),
  createdByUserId: text("created_by_user_id"),
  createdAt: ts("created_at").notNull(),
  expiresAt: ts("expires_at").notNull(),
  completedAt: ts("completed_at"),
});

export const ledgerMovements = pgTable("ledger_movements", {
  id: text("id").primaryKey(),
  accountId: text("account_id").notNull(),
  kind: text("kind").$type<MovementKind>().notNull(),
  source: text("source").$type<FundingSourceValue>(),
  topUpId: text("top_up_id"),
  invoiceId: text("invoice_id"),
  contractId: text("contract_id"),
  milestoneId: text("milestone_id"),
  createdAt: ts("created_at").notNull(),
});

export const ledgerEntries = pgTable("ledger_entries", {
  seq: bigserial("seq", { mode: "number" }).notNull(),
  id: text("id").primaryKey(),
  accountId: text("account_id").notNull(),
  movementId: text("movement_id").notNull(),
  type: text("type").$type<LedgerEntryType>().notNull(),
  amountCents: cents("amount_cents").notNull(),
  holdEntryId: text("hold_entry_id"),
  proposalId: text("proposal_id"),
  contractId: text("contract_id"),
  milestoneId: text("milestone_id"),
  topUpId: text("top_up_id"),
  note: text("note"),
  createdAt: ts("created_at").notNull(),
});

export const ledgerPostings = pgTable("ledger_postings", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  movementId: text("movement_id").notNull(),
  entryId: text("entry_id"),
  book: text("book").$type<LedgerBook>().notNull(),
  accountId: text("account_id").notNull(),
  milestoneId: text("milestone_id"),
  amountCents: cents("amount_cents").notNull(),
  createdAt: ts("created_at").notNull(),
});

export const invoices = pgTable("invoices", {
  id: text("id").primaryKey(),
  number: text("number").notNull(),
  accountId: text("account_id").notNull(),
  kind: text("kind").$type<"FUNDING">().notNull(),
  status: text("status").$type<InvoiceStatus>().notNull(),
  source: text("source").$type<FundingSourceValue>(),
  jobId: text("job_id"),
  proposalId: text("proposal_id"),
  contractId: text("contract_id").notNull(),
  milestoneId: text("milestone_id").notNull(),
  milestoneName: text("milestone_name"),
  escrowCents: cents("escrow_cents").notNull(),
  feeCents: cents("fee_cents").notNull(),
  paymentIntentId: text("payment_intent_id"),
  holdEntryId: text("hold_entry_id"),
  createdAt: ts("created_at").notNull(),
  paidAt: ts("paid_at"),
  settledAt: ts("settled_at"),
});

export const payouts = pgTable("payouts", {
  id: text("id").primaryKey(),
  invoiceId: text("invoice_id").notNull(),
  accountId: text("account_id").notNull(),
  contractId: text("contract_id").notNull(),
  milestoneId: text("milestone_id").notNull(),
  amountCents: cents("amount_cents").notNull(),
  status: text("status").$type<"IN_FLIGHT" | "PAID">().notNull(),
  createdAt: ts("created_at").notNull(),
  paidAt: ts("paid_at"),
});
