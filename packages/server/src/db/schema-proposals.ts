import { bigint, bigserial, doublePrecision, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { ProposalStatus } from "@opentrain-ai/contract";

/** Drizzle mirror of migrations/0004-proposals.ts (the SQL there is the source of truth for DDL). */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export type ProposalSource = "APPLIED" | "INVITED";
export type InvitationStatus = "PENDING" | "ACCEPTED" | "DECLINED";
export type BidUnit = "PER_HOUR" | "PER_LABEL" | "FIXED_PRICE";

/** The trainer's verification as it stood when the proposal was submitted. */
export interface VerificationSnapshot {
  location: { status: string; method: string | null; checkedAt: string | null } | null;
  identity: { verified: boolean };
}

/** One turn of an AI interview as recorded: may hold internal control markers and contact details. */
export interface RawInterviewMessage {
  role: "interviewer" | "candidate";
  content: string;
  sentAt: string;
}

export const proposals = pgTable("proposals", {
  id: text("id").primaryKey(),
  jobId: text("job_id").notNull(),
  trainerId: text("trainer_id").notNull(),
  status: text("status").$type<ProposalStatus>().notNull(),
  source: text("source").$type<ProposalSource>().notNull(),
  /** Set on invited proposals only. */
  invitationStatus: text("invitation_status").$type<InvitationStatus>(),
  invitedAt: ts("invited_at"),
  invitedByUserId: text("invited_by_user_id"),
  respondedAt: ts("responded_at"),
  /** Integer micro-dollars, in `bidUnit`; null until an invited trainer accepts. */
  bidAmountMicros: bigint("bid_amount_micros", { mode: "number" }),
  bidUnit: text("bid_unit").$type<BidUnit>(),
  labelerHourlyRateMicros: bigint("labeler_hourly_rate_micros", { mode: "number" }),
  /** As the trainer wrote it: sanitized on every read. */
  coverNote: text("cover_note"),
  /** Resume match, 0–1. */
  matchScore: doublePrecision("match_score"),
  verification: jsonb("verification").$type<VerificationSnapshot | Record<string, never>>().notNull(),
  assessmentScore: integer("assessment_score"),
  assessmentLabelType: text("assessment_label_type"),
  assessmentCompletedAt: ts("assessment_completed_at"),
  /** When the trainer submitted (applied, or accepted the invitation). */
  submittedAt: ts("submitted_at"),
  createdAt: ts("created_at").notNull(),
  updatedAt: ts("updated_at").notNull(),
});
export type ProposalRow = typeof proposals.$inferSelect;

export const interviews = pgTable("interviews", {
  id: text("id").primaryKey(),
  proposalId: text("proposal_id").notNull(),
  /** Raw turns, oldest first: sanitized on every read. */
  transcript: jsonb("transcript").$type<RawInterviewMessage[]>().notNull(),
  /** 0–100. */
  score: integer("score"),
  summary: text("summary"),
  startedAt: ts("started_at"),
  completedAt: ts("completed_at"),
  createdAt: ts("created_at").notNull(),
});
export type InterviewRow = typeof interviews.$inferSelect;

/** Work the sandbox simulator does when the (virtual) clock reaches `dueAt`. */
export const simulationTasks = pgTable("simulation_tasks", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  /** Dedupe key: scheduling the same work twice keeps one row. */
  key: text("key").notNull(),
  kind: text("kind").notNull(),
  payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
  dueAt: ts("due_at").notNull(),
  attempts: integer("attempts").notNull(),
  lastError: text("last_error"),
  doneAt: ts("done_at"),
  createdAt: ts("created_at").notNull(),
});
export type SimulationTaskRow = typeof simulationTasks.$inferSelect;

/** Proposal counts per job, kept by a trigger on `proposals` (migration 0009). */
export const jobProposalCounts = pgTable("job_proposal_counts", {
  jobId: text("job_id").primaryKey(),
  total: integer("total").notNull(),
  unreviewed: integer("unreviewed").notNull(),
});
