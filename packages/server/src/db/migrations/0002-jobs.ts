/**
 * Jobs: drafts and listings, the rolling publish log behind the daily cap, and the public
 * changes feed. Money columns are integer micro-dollars (1 USD = 1,000,000): per-label rates go
 * down to $0.001, which integer cents cannot hold.
 *
 * Index map (every list query is served by one of these):
 * - GET /jobs/mine                → jobs_account_created_idx, jobs_account_status_created_idx
 * - GET /jobs (no filter)         → jobs_public_published_idx (partial: OPEN and PUBLIC)
 * - GET /jobs?category= / payType → jobs_public_category_idx / jobs_public_pay_type_idx
 * - GET /jobs?language= / country → jobs_public_languages_idx / jobs_public_country_keys_idx (GIN)
 * - GET /jobs?q=                  → jobs_public_search_idx (GIN over the generated tsvector)
 * - GET /jobs/changes             → job_changes_occurred_idx
 * - publish cap (rolling 24 h)    → job_publish_log_account_idx
 *
 * GIN indexes run with fastupdate off: PGlite has no autovacuum to merge a pending list, and an
 * unmerged list makes the planner fall back to filtering the whole public set.
 */
export const sql = `
CREATE FUNCTION opentrain_join_words(text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$SELECT coalesce(array_to_string($1, ' '), '')$$;

CREATE TABLE jobs (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id),
  created_by_user_id text REFERENCES users(id),
  status text NOT NULL CHECK (status IN ('DRAFT', 'OPEN', 'ONGOING', 'COMPLETED', 'ARCHIVED', 'PENDING_APPROVAL')),
  visibility text NOT NULL DEFAULT 'PUBLIC' CHECK (visibility IN ('PUBLIC', 'INVITE_ONLY')),
  slug text NOT NULL,
  title text,
  description text,
  data_type text,
  subject_matter text,
  data_volume double precision,
  data_volume_unit text,
  labeling_software text,
  headcount integer,
  experience_level text,
  payment_type text CHECK (payment_type IN ('PAY_PER_LABEL', 'PAY_PER_HOUR', 'FIXED_PRICE')),
  price_per_hour_micros bigint CHECK (price_per_hour_micros > 0),
  price_per_label_micros bigint CHECK (price_per_label_micros > 0),
  fixed_price_micros bigint CHECK (fixed_price_micros > 0),
  budget_min_micros bigint CHECK (budget_min_micros >= 0),
  budget_max_micros bigint,
  countries text[] NOT NULL DEFAULT '{}',
  languages text[] NOT NULL DEFAULT '{}',
  label_types text[] NOT NULL DEFAULT '{}',
  details jsonb NOT NULL DEFAULT '{}',
  category text NOT NULL,
  skills text[] NOT NULL DEFAULT '{}',
  country_keys text[] GENERATED ALWAYS AS (CASE WHEN cardinality(countries) = 0 THEN ARRAY['*'] ELSE countries END) STORED,
  search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', opentrain_join_words(skills)), 'B') ||
    setweight(to_tsvector('english', coalesce(description, '')), 'C')
  ) STORED,
  import_format text NOT NULL,
  import_report jsonb NOT NULL DEFAULT '{}',
  external_id text,
  idempotency_key text,
  idempotency_body_hash text,
  moderation_decision text CHECK (moderation_decision IN ('ALLOW', 'BLOCK')),
  moderation_reasons text[] NOT NULL DEFAULT '{}',
  moderated_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  first_published_at timestamptz,
  published_at timestamptz,
  closed_at timestamptz,
  CHECK (status <> 'OPEN' OR published_at IS NOT NULL),
  CHECK (budget_max_micros >= budget_min_micros)
);
CREATE UNIQUE INDEX jobs_idempotency_key ON jobs (account_id, idempotency_key);
CREATE INDEX jobs_account_created_idx ON jobs (account_id, created_at DESC, id DESC);
CREATE INDEX jobs_account_status_created_idx ON jobs (account_id, status, created_at DESC, id DESC);
CREATE INDEX jobs_public_published_idx ON jobs (published_at DESC, id DESC)
  WHERE status = 'OPEN' AND visibility = 'PUBLIC';
CREATE INDEX jobs_public_category_idx ON jobs (category, published_at DESC, id DESC)
  WHERE status = 'OPEN' AND visibility = 'PUBLIC';
CREATE INDEX jobs_public_pay_type_idx ON jobs (payment_type, published_at DESC, id DESC)
  WHERE status = 'OPEN' AND visibility = 'PUBLIC';
CREATE INDEX jobs_public_languages_idx ON jobs USING gin (languages) WITH (fastupdate = off)
  WHERE status = 'OPEN' AND visibility = 'PUBLIC';
CREATE INDEX jobs_public_country_keys_idx ON jobs USING gin (country_keys) WITH (fastupdate = off)
  WHERE status = 'OPEN' AND visibility = 'PUBLIC';
CREATE INDEX jobs_public_search_idx ON jobs USING gin (search_vector) WITH (fastupdate = off)
  WHERE status = 'OPEN' AND visibility = 'PUBLIC';

CREATE TABLE job_publish_log (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id),
  job_id text NOT NULL REFERENCES jobs(id),
  published_at timestamptz NOT NULL
);
CREATE INDEX job_publish_log_account_idx ON job_publish_log (account_id, published_at DESC);

CREATE TABLE job_changes (
  id bigserial PRIMARY KEY,
  job_id text NOT NULL REFERENCES jobs(id),
  event_type text NOT NULL CHECK (event_type IN ('PUBLISHED', 'UPDATED', 'CLOSED')),
  occurred_at timestamptz NOT NULL
);
CREATE INDEX job_changes_occurred_idx ON job_changes (occurred_at, id);
`;
