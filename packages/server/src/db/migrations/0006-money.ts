/**
 * Money: a double-entry ledger in integer cents, the employer's credit account, top-ups,
 * saved payment methods, funding invoices and trainer payouts.
 *
 * - `ledger_movements` is one money movement (a top-up paid, a milestone funded, released,
 *   refunded). Its `ledger_postings` move cents between books and sum to zero — enforced at
 *   commit by a deferred constraint trigger — and are append-only, like the entries.
 * - `ledger_entries` are the rows of the employer's credit ledger (GET /credits/ledger): the six
 *   spec types, each with the postings on the customer books it stands for. Card-funded escrow
 *   moves have postings but no credit entry (the credit balance does not change).
 * - `credit_accounts` caches the balance derived from the customer postings; it is written only
 *   under its row lock (`SELECT … FOR UPDATE`) in the same transaction as the postings, and the
 *   CHECKs keep `available` and `reserved` from ever going negative.
 *
 * Books: customer_available, customer_reserved (credits held for escrow), escrow (card-funded
 * escrow), card_clearing (money in from cards: its negated total is all money ever paid in),
 * platform_revenue (fees), trainer_payable (released to trainers). `account_id` on a posting is
 * the employer account the money belongs to or came from.
 *
 * Index map:
 * - GET /credits, GET /credits/ledger (newest first, keyset on seq) → ledger_entries_account_seq_idx
 * - one TOP_UP per top-up (idempotent completion)                   → ledger_entries_top_up_key
 * - balance derivation per account and book                         → ledger_postings_account_book_idx
 * - the zero-sum check of one movement                               → ledger_postings_movement_idx
 * - GET /credits/top-ups/{id}                                        → credit_top_ups primary key
 * - the live invoice of a milestone (one at most)                   → invoices_milestone_live_key
 * - GET /payments/pending                                            → invoices_account_status_idx
 * - saved cards of an account                                        → payment_methods_account_idx
 */
export const sql = `
CREATE TABLE credit_accounts (
  account_id text PRIMARY KEY REFERENCES accounts(id),
  available_cents bigint NOT NULL DEFAULT 0 CHECK (available_cents >= 0),
  reserved_cents bigint NOT NULL DEFAULT 0 CHECK (reserved_cents >= 0),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE payment_methods (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id),
  provider text NOT NULL,
  provider_ref text NOT NULL,
  brand text NOT NULL,
  last4 text NOT NULL CHECK (last4 ~ '^[0-9]{4}$'),
  exp_month integer CHECK (exp_month BETWEEN 1 AND 12),
  exp_year integer,
  added_by_user_id text REFERENCES users(id),
  created_at timestamptz NOT NULL,
  removed_at timestamptz
);
CREATE INDEX payment_methods_account_idx ON payment_methods (account_id, created_at DESC) WHERE removed_at IS NULL;

CREATE TABLE credit_top_ups (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id),
  amount_cents bigint NOT NULL CHECK (amount_cents BETWEEN 1000 AND 1000000),
  status text NOT NULL CHECK (status IN ('PENDING', 'COMPLETED', 'EXPIRED', 'CANCELED')),
  provider text NOT NULL,
  checkout_session_id text NOT NULL,
  payment_intent_id text,
  created_by_user_id text REFERENCES users(id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  completed_at timestamptz,
  CHECK ((status = 'COMPLETED') = (completed_at IS NOT NULL))
);
CREATE INDEX credit_top_ups_account_idx ON credit_top_ups (account_id, created_at DESC);

CREATE TABLE ledger_movements (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id),
  kind text NOT NULL CHECK (kind IN ('TOP_UP', 'FUND', 'RELEASE', 'REFUND', 'ADJUSTMENT')),
  source text CHECK (source IN ('credits', 'card')),
  top_up_id text REFERENCES credit_top_ups(id),
  invoice_id text,
  contract_id text,
  milestone_id text,
  created_at timestamptz NOT NULL
);
CREATE INDEX ledger_movements_account_idx ON ledger_movements (account_id, created_at DESC);

CREATE TABLE ledger_entries (
  seq bigserial NOT NULL UNIQUE,
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id),
  movement_id text NOT NULL REFERENCES ledger_movements(id),
  type text NOT NULL CHECK (type IN ('TOP_UP', 'HOLD', 'HOLD_RELEASE', 'CAPTURE', 'REFUND', 'ADJUSTMENT')),
  amount_cents bigint NOT NULL,
  hold_entry_id text REFERENCES ledger_entries(id),
  proposal_id text,
  contract_id text,
  milestone_id text,
  top_up_id text REFERENCES credit_top_ups(id),
  note text,
  created_at timestamptz NOT NULL,
  CHECK (CASE type
    WHEN 'TOP_UP' THEN amount_cents > 0 AND top_up_id IS NOT NULL
    WHEN 'HOLD' THEN amount_cents < 0
    WHEN 'HOLD_RELEASE' THEN amount_cents > 0 AND hold_entry_id IS NOT NULL
    WHEN 'CAPTURE' THEN amount_cents < 0 AND hold_entry_id IS NOT NULL
    WHEN 'REFUND' THEN amount_cents > 0
    ELSE amount_cents <> 0 AND note IS NOT NULL END)
);
CREATE INDEX ledger_entries_account_seq_idx ON ledger_entries (account_id, seq DESC);
CREATE UNIQUE INDEX ledger_entries_top_up_key ON ledger_entries (top_up_id) WHERE type = 'TOP_UP';

CREATE TABLE ledger_postings (
  id bigserial PRIMARY KEY,
  movement_id text NOT NULL REFERENCES ledger_movements(id),
  entry_id text REFERENCES ledger_entries(id),
  book text NOT NULL CHECK (book IN ('customer_available', 'customer_reserved', 'escrow', 'card_clearing', 'platform_revenue', 'trainer_payable')),
  account_id text NOT NULL REFERENCES accounts(id),
  milestone_id text,
  amount_cents bigint NOT NULL CHECK (amount_cents <> 0),
  created_at timestamptz NOT NULL
);
CREATE INDEX ledger_postings_movement_idx ON ledger_postings (movement_id);
CREATE INDEX ledger_postings_account_book_idx ON ledger_postings (account_id, book);

CREATE FUNCTION ledger_assert_balanced() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN IF (SELECT COALESCE(SUM(amount_cents), 0) FROM ledger_postings WHERE movement_id = NEW.movement_id) <> 0 THEN RAISE EXCEPTION 'ledger movement % does not balance', NEW.movement_id USING ERRCODE = '23514'; END IF; RETURN NULL; END $fn$;
CREATE CONSTRAINT TRIGGER ledger_postings_balanced AFTER INSERT ON ledger_postings DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_assert_balanced();

CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = '42501'; END $fn$;
CREATE TRIGGER ledger_postings_append_only BEFORE UPDATE OR DELETE ON ledger_postings FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_movements_append_only BEFORE UPDATE OR DELETE ON ledger_movements FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();

CREATE SEQUENCE invoice_number_seq;

CREATE TABLE invoices (
  id text PRIMARY KEY,
  number text NOT NULL UNIQUE,
  account_id text NOT NULL REFERENCES accounts(id),
  kind text NOT NULL CHECK (kind IN ('FUNDING')),
  status text NOT NULL CHECK (status IN ('PENDING', 'PAID', 'RELEASED', 'REFUNDED', 'VOID')),
  source text CHECK (source IN ('credits', 'card')),
  job_id text REFERENCES jobs(id),
  proposal_id text,
  contract_id text NOT NULL,
  milestone_id text NOT NULL,
  milestone_name text,
  escrow_cents bigint NOT NULL CHECK (escrow_cents > 0),
  fee_cents bigint NOT NULL CHECK (fee_cents >= 0),
  payment_intent_id text,
  hold_entry_id text REFERENCES ledger_entries(id),
  created_at timestamptz NOT NULL,
  paid_at timestamptz,
  settled_at timestamptz,
  CHECK ((status = 'PENDING' OR status = 'VOID') = (paid_at IS NULL)),
  CHECK (status = 'PENDING' OR status = 'VOID' OR source IS NOT NULL)
);
CREATE UNIQUE INDEX invoices_milestone_live_key ON invoices (milestone_id) WHERE status IN ('PENDING', 'PAID');
CREATE INDEX invoices_account_status_idx ON invoices (account_id, status, created_at DESC);

CREATE TABLE payouts (
  id text PRIMARY KEY,
  invoice_id text NOT NULL UNIQUE REFERENCES invoices(id),
  account_id text NOT NULL REFERENCES accounts(id),
  contract_id text NOT NULL,
  milestone_id text NOT NULL,
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  status text NOT NULL CHECK (status IN ('IN_FLIGHT', 'PAID')),
  created_at timestamptz NOT NULL,
  paid_at timestamptz
);
`;
