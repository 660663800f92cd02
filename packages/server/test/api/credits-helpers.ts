import { http, mintToken, sandbox, type ClaimedAgent, type TestServer } from "@opentrain-ai/testkit";
import { sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import { expect } from "vitest";
import { rowsOf } from "../../src/db/migrate.js";
import type { ServiceContext } from "../../src/services/context.js";

export const ctxOf = (t: TestServer): ServiceContext => ({
  db: t.server.database.db,
  clock: t.server.clock,
  config: t.server.config,
  log: t.server.app.log as FastifyBaseLogger,
});

/** Scopes an agent needs for the credits family (payments:write is only minted by a human). */
export const MONEY_SCOPES = ["payments:read", "payments:write", "jobs:read", "jobs:write", "proposals:read"];

/** A claimed agent plus a human-minted token with payments:write. */
export async function moneyAgent(t: TestServer, agent: ClaimedAgent): Promise<string> {
  return mintToken(t, agent.accountId, MONEY_SCOPES, "money");
}

export const api = (t: TestServer, method: string, path: string, token: string | null, json?: unknown) =>
  http(t.baseUrl, method, `/api/public/v1${path}`, { token, json });

export async function createTopUp(t: TestServer, token: string, amountUsd: number): Promise<string> {
  const res = await api(t, "POST", "/credits/top-ups", token, { amountUsd });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.topUpId;
}

export const payTopUp = (t: TestServer, topUpId: string, card?: string) =>
  sandbox(t, "POST", `/top-ups/${topUpId}/complete`, card === undefined ? {} : { card });

/** Buys `amountUsd` of credits: top-up created and paid with the good test card. */
export async function buyCredits(t: TestServer, token: string, amountUsd: number): Promise<string> {
  const topUpId = await createTopUp(t, token, amountUsd);
  const paid = await payTopUp(t, topUpId);
  expect(paid.status, JSON.stringify(paid.body)).toBe(200);
  return topUpId;
}

export interface BookTotals {
  customer_available: number;
  customer_reserved: number;
  escrow: number;
  card_clearing: number;
  platform_revenue: number;
  trainer_payable: number;
}

const EMPTY_BOOKS: BookTotals = {
  customer_available: 0,
  customer_reserved: 0,
  escrow: 0,
  card_clearing: 0,
  platform_revenue: 0,
  trainer_payable: 0,
};

async function query<T>(t: TestServer, text: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await t.server.database.db.execute(text));
}

/**
 * Checks the ledger of one account from the database's own rows, independently of the services:
 * every movement's postings sum to zero; the balance derived from the postings equals the cached
 * balance row, the balance derived from the credit entries (spec §3.1) and what GET /credits
 * reports; nothing is negative; money is conserved (all money paid in by card = available +
 * reserved + card-funded escrow + platform revenue + paid to trainers); and each funded
 * milestone's held escrow equals its invoice. Returns the book totals.
 */
export async function auditLedger(t: TestServer, accountId: string, token?: string): Promise<BookTotals> {
  const unbalanced = await query<{ movement_id: string }>(
    t,
    sql`SELECT movement_id FROM ledger_postings GROUP BY movement_id HAVING SUM(amount_cents) <> 0`,
  );
  expect(unbalanced, "movements whose postings do not sum to zero").toEqual([]);

  const books = { ...EMPTY_BOOKS };
  const perBook = await query<{ book: keyof BookTotals; total: string }>(
    t,
    sql`SELECT book, SUM(amount_cents)::text AS total FROM ledger_postings WHERE account_id = ${accountId} GROUP BY book`,
  );
  for (const r of perBook) books[r.book] = Number(r.total);

  const [cached] = await query<{ available_cents: string; reserved_cents: string }>(
    t,
    sql`SELECT available_cents::text, reserved_cents::text FROM credit_accounts WHERE account_id = ${accountId}`,
  );
  const cachedAvailable = Number(cached?.available_cents ?? 0);
  const cachedReserved = Number(cached?.reserved_cents ?? 0);
  expect(cachedAvailable, "cached available = derived from postings").toBe(books.customer_available);
  expect(cachedReserved, "cached reserved = derived from postings").toBe(books.customer_reserved);
  expect(books.customer_available).toBeGreaterThanOrEqual(0);
  expect(books.customer_reserved).toBeGreaterThanOrEqual(0);
  expect(books.escrow).toBeGreaterThanOrEqual(0);

  // The spec's invariant over the user-visible entries (CAPTURE is the only type not on available).
  const [fromEntries] = await query<{ available: string; reserved: string }>(
    t,
    sql`SELECT
          COALESCE(SUM(amount_cents) FILTER (WHERE type <> 'CAPTURE'), 0)::text AS available,
          (COALESCE(-SUM(amount_cents) FILTER (WHERE type = 'HOLD'), 0)
           - COALESCE(SUM(amount_cents) FILTER (WHERE type = 'HOLD_RELEASE'), 0)
           + COALESCE(SUM(amount_cents) FILTER (WHERE type = 'CAPTURE'), 0))::text AS reserved
        FROM ledger_entries WHERE account_id = ${accountId}`,
  );
  expect(Number(fromEntries!.available), "available = sum of entries").toBe(books.customer_available);
  expect(Number(fromEntries!.reserved), "reserved = holds - releases - captures").toBe(books.customer_reserved);

  // Each entry's own postings stand for its amount.
  const entryMismatch = await query<{ id: string }>(
    t,
    sql`SELECT e.id FROM ledger_entries e JOIN ledger_postings p ON p.entry_id = e.id
        WHERE e.account_id = ${accountId}
        GROUP BY e.id, e.type, e.amount_cents
        HAVING SUM(p.amount_cents) <> 0
            OR e.amount_cents <> CASE WHEN e.type = 'CAPTURE'
                 THEN SUM(p.amount_cents) FILTER (WHERE p.book = 'customer_reserved')
                 ELSE COALESCE(SUM(p.amount_cents) FILTER (WHERE p.book = 'customer_available'), 0) END`,
  );
  expect(entryMismatch, "entries whose postings disagree with them").toEqual([]);

  const paidIn = 0 - books.card_clearing;
  expect(paidIn, "money conserved").toBe(
    books.customer_available + books.customer_reserved + books.escrow + books.platform_revenue + books.trainer_payable,
  );

  // Escrow still held per funded milestone equals its invoice; settled milestones hold nothing.
  const held = await query<{ milestone_id: string; status: string; escrow: string; held: string }>(
    t,
    sql`SELECT i.milestone_id, i.status, i.escrow_cents::text AS escrow,
               COALESCE((SELECT SUM(p.amount_cents) FROM ledger_postings p
                         WHERE p.milestone_id = i.milestone_id AND p.book IN ('customer_reserved', 'escrow')), 0)::text AS held
        FROM invoices i WHERE i.account_id = ${accountId} AND i.status IN ('PAID', 'RELEASED', 'REFUNDED')`,
  );
  for (const h of held) {
    expect(Number(h.held), `escrow held for ${h.milestone_id} (${h.status})`).toBe(
      h.status === "PAID" ? Number(h.escrow) : 0,
    );
  }

  if (token) {
    const res = await api(t, "GET", "/credits", token);
    expect(res.status).toBe(200);
    expect(res.body.credits).toMatchObject({
      availableCents: books.customer_available,
      reservedCents: books.customer_reserved,
    });
  }
  return books;
}

/** Every ledger entry of the account through the API, newest first, following nextCursor. */
export async function allLedgerEntries(t: TestServer, token: string, limit = 100): Promise<any[]> {
  const out: any[] = [];
  let cursor: string | null = null;
  do {
    const qs: string = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) }).toString();
    const res = await api(t, "GET", `/credits/ledger?${qs}`, token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    out.push(...res.body.entries);
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}
