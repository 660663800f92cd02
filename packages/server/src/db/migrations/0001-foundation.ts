/** Accounts, users, tokens, the claim ceremony, web sessions, mail and team invites. */
export const sql = `
CREATE TABLE users (
  id text PRIMARY KEY,
  email text,
  first_name text NOT NULL DEFAULT '',
  last_name text NOT NULL DEFAULT '',
  kind text NOT NULL CHECK (kind IN ('agent', 'human')),
  created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email)) WHERE email IS NOT NULL;

CREATE TABLE accounts (
  id text PRIMARY KEY,
  name text NOT NULL,
  owner_user_id text NOT NULL REFERENCES users(id),
  agent_name text,
  claimed_at timestamptz,
  created_at timestamptz NOT NULL
);

CREATE TABLE memberships (
  account_id text NOT NULL REFERENCES accounts(id),
  user_id text NOT NULL REFERENCES users(id),
  role text NOT NULL CHECK (role IN ('OWNER', 'MEMBER')),
  joined_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, user_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

CREATE TABLE account_features (
  account_id text NOT NULL REFERENCES accounts(id),
  flag text NOT NULL,
  enabled boolean NOT NULL,
  PRIMARY KEY (account_id, flag)
);

CREATE TABLE api_tokens (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id),
  user_id text NOT NULL REFERENCES users(id),
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  preview text NOT NULL,
  scopes text[] NOT NULL,
  origin text NOT NULL CHECK (origin IN ('pre_claim', 'post_claim', 'api', 'app')),
  created_at timestamptz NOT NULL,
  last_used_at timestamptz,
  expires_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_tokens_account_idx ON api_tokens (account_id, created_at DESC, id DESC);

CREATE TABLE registrations (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id),
  agent_user_id text NOT NULL REFERENCES users(id),
  claim_token_hash text NOT NULL UNIQUE,
  agent_name text,
  expires_at timestamptz NOT NULL,
  token_delivered_at timestamptz,
  last_poll_at timestamptz,
  poll_interval_seconds integer NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX registrations_account_idx ON registrations (account_id);

CREATE TABLE claim_attempts (
  id text PRIMARY KEY,
  registration_id text NOT NULL REFERENCES registrations(id),
  attempt_token_hash text NOT NULL UNIQUE,
  user_code text NOT NULL,
  email text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'accepted', 'declined', 'superseded')),
  failed_code_entries integer NOT NULL DEFAULT 0,
  accepted_by_user_id text REFERENCES users(id),
  expires_at timestamptz NOT NULL,
  resolved_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX claim_attempts_registration_idx ON claim_attempts (registration_id, created_at DESC);
CREATE INDEX claim_attempts_pending_code_idx ON claim_attempts (user_code) WHERE status = 'pending';

CREATE TABLE web_sessions (
  id_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX web_sessions_user_idx ON web_sessions (user_id);

CREATE TABLE login_links (
  token_hash text PRIMARY KEY,
  email text NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL
);

CREATE TABLE emails (
  id text PRIMARY KEY,
  to_address text NOT NULL,
  subject text NOT NULL,
  text_body text NOT NULL,
  action_url text,
  created_at timestamptz NOT NULL
);
CREATE INDEX emails_created_idx ON emails (created_at DESC, id DESC);
CREATE INDEX emails_to_idx ON emails (lower(to_address), created_at DESC);

CREATE TABLE team_invites (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id),
  email text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  invited_by_user_id text NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  accepted_by_user_id text REFERENCES users(id)
);
CREATE INDEX team_invites_account_idx ON team_invites (account_id, created_at DESC);
CREATE UNIQUE INDEX team_invites_open_key ON team_invites (account_id, lower(email)) WHERE accepted_at IS NULL;

CREATE TABLE sandbox_state (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);
`;
