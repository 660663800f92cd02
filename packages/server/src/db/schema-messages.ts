import { boolean, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/** Drizzle mirror of migrations/0005-messages.ts (the SQL there is the source of truth for DDL). */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** PROPOSAL: the pre-hire thread of a proposal. JOB: the post-hire direct message of a contract. */
export type ConversationKind = "PROPOSAL" | "JOB";
export type MessageSenderKind = "EMPLOYER" | "TRAINER";

export const conversations = pgTable("conversations", {
  id: text("id").primaryKey(),
  kind: text("kind").$type<ConversationKind>().notNull(),
  /** The employer account: every user of it participates. */
  accountId: text("account_id").notNull(),
  trainerId: text("trainer_id").notNull(),
  /** Always set on PROPOSAL threads; the hired proposal on JOB threads. */
  proposalId: text("proposal_id"),
  jobId: text("job_id").notNull(),
  contractId: text("contract_id"),
  /** Nobody can post any more (409 read_only_conversation); reading still works. */
  readOnly: boolean("read_only").notNull(),
  createdByUserId: text("created_by_user_id"),
  lastMessageId: text("last_message_id"),
  lastMessageAt: ts("last_message_at"),
  /** The employer side's latest message: the employer-first rule and needsReplyCount read it. */
  lastEmployerMessageId: text("last_employer_message_id"),
  lastEmployerMessageAt: ts("last_employer_message_at"),
  /** Last message time, or creation time while empty: the order of the summaries. */
  lastActivityAt: ts("last_activity_at").notNull(),
  createdAt: ts("created_at").notNull(),
  updatedAt: ts("updated_at").notNull(),
});
export type ConversationRow = typeof conversations.$inferSelect;

export const messages = pgTable("messages", {
  id: text("id").primaryKey(),
  conversationId: text("conversation_id").notNull(),
  senderKind: text("sender_kind").$type<MessageSenderKind>().notNull(),
  /** The employer's user id, or the trainer's `ftr_` id. */
  senderId: text("sender_id").notNull(),
  /** As written: trainer-written text is sanitized on every read. */
  content: text("content").notNull(),
  createdAt: ts("created_at").notNull(),
});
export type MessageRow = typeof messages.$inferSelect;

/** How far one employer user has read a conversation: every message up to (lastReadAt, lastReadMessageId). */
export const conversationReads = pgTable(
  "conversation_reads",
  {
    conversationId: text("conversation_id").notNull(),
    userId: text("user_id").notNull(),
    lastReadMessageId: text("last_read_message_id").notNull(),
    lastReadAt: ts("last_read_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.userId] })],
);
export type ConversationReadRow = typeof conversationReads.$inferSelect;

/** Conversations a member has unread, kept by triggers (migration 0010; see there). */
export const conversationUnreads = pgTable(
  "conversation_unreads",
  {
    userId: text("user_id").notNull(),
    conversationId: text("conversation_id").notNull(),
    accountId: text("account_id").notNull(),
    lastActivityAt: ts("last_activity_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.conversationId] })],
);
