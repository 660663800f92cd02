/**
 * Conversations between an employer account and an AI trainer, their messages, and per-user
 * read markers. A PROPOSAL conversation is the pre-hire thread of one proposal (at most one per
 * proposal); a JOB conversation is the post-hire direct message a hire creates. Within a
 * conversation `created_at` strictly increases (the writer holds the conversation row lock and
 * bumps equal timestamps by 1 ms), so (created_at, id) orders messages as they were written.
 *
 * Index map (every list query is served by one of these):
 * - GET /messages (summaries, filter=all)          → conversations_account_activity_idx
 * - GET /messages?filter=proposal|job              → conversations_account_kind_activity_idx
 * - get-or-create the pre-hire thread              → conversations_kind_proposal_key
 * - GET /messages?conversationId= (both directions) → messages_conversation_created_idx
 * - unread / needs-reply counts, unreadOnly        → messages_conversation_created_idx (from the marker on)
 * - per-conversation send rate limit (last hour)   → messages_conversation_created_idx
 * - read markers                                   → conversation_reads primary key
 */
export const sql = `
CREATE TABLE conversations (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('PROPOSAL', 'JOB')),
  account_id text NOT NULL REFERENCES accounts(id),
  trainer_id text NOT NULL REFERENCES trainers(id),
  proposal_id text REFERENCES proposals(id),
  job_id text NOT NULL REFERENCES jobs(id),
  contract_id text,
  read_only boolean NOT NULL DEFAULT false,
  created_by_user_id text,
  last_message_id text,
  last_message_at timestamptz,
  last_employer_message_id text,
  last_employer_message_at timestamptz,
  last_activity_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (kind = 'JOB' OR proposal_id IS NOT NULL)
);
CREATE UNIQUE INDEX conversations_kind_proposal_key ON conversations (kind, proposal_id);
CREATE INDEX conversations_account_activity_idx ON conversations (account_id, last_activity_at DESC, id DESC);
CREATE INDEX conversations_account_kind_activity_idx
  ON conversations (account_id, kind, last_activity_at DESC, id DESC);

CREATE TABLE messages (
  id text PRIMARY KEY,
  conversation_id text NOT NULL REFERENCES conversations(id),
  sender_kind text NOT NULL CHECK (sender_kind IN ('EMPLOYER', 'TRAINER')),
  sender_id text NOT NULL,
  content text NOT NULL CHECK (char_length(content) BETWEEN 1 AND 10000),
  created_at timestamptz NOT NULL
);
CREATE INDEX messages_conversation_created_idx ON messages (conversation_id, created_at, id);

CREATE TABLE conversation_reads (
  conversation_id text NOT NULL REFERENCES conversations(id),
  user_id text NOT NULL,
  last_read_message_id text NOT NULL,
  last_read_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (conversation_id, user_id)
);
`;
