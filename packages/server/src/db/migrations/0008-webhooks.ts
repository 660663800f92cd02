/**
 * Webhook subscriptions and their delivery outbox, plus the index that serves a scope-filtered
 * GET /updates.
 *
 * A delivery row is written by recordEvent in the transaction of the event itself, one per
 * ACTIVE subscription of the account that takes the event's type, so an event can never commit
 * without its deliveries (and a subscription only sees events committed after it). Workers take
 * due rows with FOR UPDATE SKIP LOCKED and lease them (`lease_expires_at`, on the database's
 * clock): a worker that dies mid-attempt loses the lease and another one retries the attempt.
 * `next_attempt_at` is on the platform clock (the sandbox's virtual clock), so advancing it runs
 * retries.
 *
 * Index map:
 * - GET /updates, all three read scopes           → events_account_idx (0004)
 * - GET /updates, some read scopes (one per type) → events_feed_type_idx, keyed by the
 *   expression account_id || '/' || type: one leading column that bounds the scan on both
 *   sides, so it stops at the end of the type's run (a row comparison over two columns only
 *   stops on the first), and an order the primary key cannot offer the planner
 * - GET /webhooks, the 10-per-account cap         → webhook_subscriptions_account_idx
 * - the event fan-out in recordEvent              → webhook_subscriptions_account_idx
 * - due deliveries (workers)                      → webhook_deliveries_due_idx (partial: pending)
 * - one delivery per event and subscription       → webhook_deliveries_subscription_event_key
 */
export const sql = `
CREATE INDEX events_feed_type_idx ON events ((account_id || '/' || type), id);

CREATE TABLE webhook_subscriptions (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id),
  url text NOT NULL CHECK (char_length(url) <= 2048),
  event_types text[] NOT NULL CHECK (cardinality(event_types) > 0),
  secret_ciphertext text NOT NULL,
  status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DISABLED')),
  consecutive_failures integer NOT NULL DEFAULT 0,
  last_success_at timestamptz,
  created_by_user_id text NOT NULL,
  created_at timestamptz NOT NULL,
  disabled_at timestamptz,
  disabled_reason text,
  CHECK ((status = 'DISABLED') = (disabled_at IS NOT NULL))
);
CREATE INDEX webhook_subscriptions_account_idx ON webhook_subscriptions (account_id, created_at DESC, id DESC);

CREATE TABLE webhook_deliveries (
  id text PRIMARY KEY,
  subscription_id text NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
  event_id bigint NOT NULL REFERENCES events(id),
  status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at timestamptz NOT NULL,
  lease_token text,
  lease_expires_at timestamptz,
  first_attempt_at timestamptz,
  last_attempt_at timestamptz,
  last_status_code integer,
  last_error text,
  created_at timestamptz NOT NULL,
  completed_at timestamptz
);
CREATE UNIQUE INDEX webhook_deliveries_subscription_event_key ON webhook_deliveries (subscription_id, event_id);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at, id) WHERE status = 'PENDING';
`;
