/**
 * Proposals (candidates on a job), their AI interviews, the account event log, and the
 * sandbox simulator's queue of due work. Bids are integer micro-dollars like the job rates
 * (1 USD = 1,000,000): per-label bids go below a cent.
 *
 * Index map (every list query is served by one of these):
 * - GET /jobs/{jobId}/proposals           → proposals_job_created_idx
 * - GET /jobs/{jobId}/proposals?status=   → proposals_job_status_created_idx
 * - one trainer per job (invite, apply)   → proposals_job_trainer_key
 * - proposal counts of GET /jobs/mine     → proposals_job_status_created_idx
 * - interview of a proposal               → interviews_proposal_key
 * - the account's events (the feed)       → events_account_idx
 * - due simulator work                    → simulation_tasks_due_idx (partial: not done)
 */
export const sql = `
CREATE TABLE events (
  id bigserial PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id),
  type text NOT NULL,
  resource_id text NOT NULL,
  job_id text,
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX events_account_idx ON events (account_id, id);

CREATE TABLE proposals (
  id text PRIMARY KEY,
  job_id text NOT NULL REFERENCES jobs(id),
  trainer_id text NOT NULL REFERENCES trainers(id),
  status text NOT NULL DEFAULT 'UNREVIEWED'
    CHECK (status IN ('UNREVIEWED', 'SHORTLISTED', 'MAYBE', 'HIRED', 'DECLINED', 'NOT_A_FIT', 'RESUME_SENT')),
  source text NOT NULL CHECK (source IN ('APPLIED', 'INVITED')),
  invitation_status text CHECK (invitation_status IN ('PENDING', 'ACCEPTED', 'DECLINED')),
  invited_at timestamptz,
  invited_by_user_id text,
  responded_at timestamptz,
  bid_amount_micros bigint CHECK (bid_amount_micros > 0),
  bid_unit text CHECK (bid_unit IN ('PER_HOUR', 'PER_LABEL', 'FIXED_PRICE')),
  labeler_hourly_rate_micros bigint CHECK (labeler_hourly_rate_micros >= 0),
  cover_note text,
  match_score double precision CHECK (match_score BETWEEN 0 AND 1),
  verification jsonb NOT NULL DEFAULT '{}',
  assessment_score integer CHECK (assessment_score BETWEEN 0 AND 100),
  assessment_label_type text,
  assessment_completed_at timestamptz,
  submitted_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((source = 'INVITED') = (invitation_status IS NOT NULL)),
  CHECK ((bid_amount_micros IS NULL) = (bid_unit IS NULL))
);
CREATE UNIQUE INDEX proposals_job_trainer_key ON proposals (job_id, trainer_id);
CREATE INDEX proposals_job_created_idx ON proposals (job_id, created_at DESC, id DESC);
CREATE INDEX proposals_job_status_created_idx ON proposals (job_id, status, created_at DESC, id DESC);

CREATE TABLE interviews (
  id text PRIMARY KEY,
  proposal_id text NOT NULL REFERENCES proposals(id),
  transcript jsonb NOT NULL DEFAULT '[]',
  score integer CHECK (score BETWEEN 0 AND 100),
  summary text,
  started_at timestamptz,
  completed_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX interviews_proposal_key ON interviews (proposal_id);

CREATE TABLE simulation_tasks (
  id bigserial PRIMARY KEY,
  key text NOT NULL,
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  due_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  done_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX simulation_tasks_key ON simulation_tasks (key);
CREATE INDEX simulation_tasks_due_idx ON simulation_tasks (due_at, id) WHERE done_at IS NULL;
`;
