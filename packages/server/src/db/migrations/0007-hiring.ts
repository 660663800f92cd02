/**
 * Hiring: human co-sign approvals, contracts and their escrow milestones. Money amounts are
 * integer cents; contract rates are integer micro-dollars like job rates and bids (per-label
 * rates go below a cent). The ledger (0006) records every money move; these tables record what
 * the money was for.
 *
 * Index map (every list query and lock is served by one of these):
 * - one live request per subject (hire: proposal, fund/approve: milestone, end: contract)
 *                                              → approvals_pending_subject_key (partial: pending)
 * - pending approvals past expiry              → approvals_pending_expiry_idx (partial: pending)
 * - one contract per hired proposal            → contracts_proposal_key
 * - GET /contracts                             → contracts_account_created_idx
 * - GET /contracts?jobId=                      → contracts_account_job_created_idx
 * - a contract's milestones, numbering         → milestones_contract_number_key
 */
export const sql = `
CREATE TABLE contracts (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id),
  job_id text NOT NULL REFERENCES jobs(id),
  proposal_id text NOT NULL REFERENCES proposals(id),
  trainer_id text NOT NULL REFERENCES trainers(id),
  status text NOT NULL CHECK (status IN ('active', 'ended')),
  title text NOT NULL,
  payment_type text NOT NULL CHECK (payment_type IN ('FIXED_PRICE', 'PAY_PER_HOUR', 'PAY_PER_LABEL')),
  rate_micros bigint CHECK (rate_micros > 0),
  job_dm_conversation_id text REFERENCES conversations(id),
  budget_state text NOT NULL DEFAULT 'OK' CHECK (budget_state IN ('OK', 'LOW', 'DEPLETED')),
  consumed_seconds bigint NOT NULL DEFAULT 0 CHECK (consumed_seconds >= 0),
  consumed_labels bigint NOT NULL DEFAULT 0 CHECK (consumed_labels >= 0),
  consumed_tasks bigint NOT NULL DEFAULT 0 CHECK (consumed_tasks >= 0),
  last_usage_at timestamptz,
  hired_by_user_id text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  ended_at timestamptz,
  CHECK ((status = 'ended') = (ended_at IS NOT NULL))
);
CREATE UNIQUE INDEX contracts_proposal_key ON contracts (proposal_id);
CREATE INDEX contracts_account_created_idx ON contracts (account_id, created_at DESC, id DESC);
CREATE INDEX contracts_account_job_created_idx ON contracts (account_id, job_id, created_at DESC, id DESC);

CREATE TABLE milestones (
  id text PRIMARY KEY,
  contract_id text NOT NULL REFERENCES contracts(id),
  account_id text NOT NULL REFERENCES accounts(id),
  milestone_number integer NOT NULL CHECK (milestone_number > 0),
  name text,
  description text NOT NULL,
  status text NOT NULL
    CHECK (status IN ('NOT_FUNDED', 'ACTIVE_FUNDED', 'PAID', 'CANCELLED', 'REFUNDED', 'DISPUTED')),
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  volume double precision CHECK (volume > 0),
  due_date text,
  funding_source text CHECK (funding_source IN ('credits', 'card')),
  fee_cents bigint CHECK (fee_cents >= 0),
  invoice_id text,
  payment_intent_id text,
  funded_at timestamptz,
  payout_requested_at timestamptz,
  payout_transaction_id text,
  paid_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((status = 'NOT_FUNDED') = (funded_at IS NULL) OR status = 'CANCELLED')
);
CREATE UNIQUE INDEX milestones_contract_number_key ON milestones (contract_id, milestone_number);

CREATE TABLE approvals (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id),
  type text NOT NULL CHECK (type IN ('proposal_hire', 'milestone_fund', 'milestone_approve', 'contract_end')),
  status text NOT NULL CHECK (status IN ('pending', 'confirmed', 'declined', 'expired')),
  subject_id text NOT NULL,
  job_id text NOT NULL REFERENCES jobs(id),
  proposal_id text REFERENCES proposals(id),
  contract_id text REFERENCES contracts(id),
  milestone_id text REFERENCES milestones(id),
  terms jsonb NOT NULL DEFAULT '{}',
  terms_key text NOT NULL DEFAULT '',
  requested_by_user_id text NOT NULL,
  requested_by_token_id text,
  superseded_by_id text,
  resolution jsonb,
  result jsonb,
  resolved_by_user_id text,
  expires_at timestamptz NOT NULL,
  resolved_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((status = 'pending') = (resolved_at IS NULL)),
  CHECK ((status = 'confirmed') = (result IS NOT NULL))
);
CREATE UNIQUE INDEX approvals_pending_subject_key ON approvals (type, subject_id) WHERE status = 'pending';
CREATE INDEX approvals_pending_expiry_idx ON approvals (expires_at) WHERE status = 'pending';
`;
