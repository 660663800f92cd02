import type { LedgerEntryType } from "@opentrain-ai/contract";
import { eq, sql } from "drizzle-orm";
import {
  creditAccounts,
  ledgerEntries,
  ledgerMovements,
  ledgerPostings,
  type FundingSourceValue,
  type LedgerBook,
  type MovementKind,
} from "../../db/schema.js";
import { newId } from "../../ids.js";
import type { ServiceContext } from "../context.js";
import type { CreditBalance } from "./credit-account.js";

export interface Posting {
  book: LedgerBook;
  amountCents: number;
  milestoneId?: string | null;
}

/** What a ledger entry links to (the spec's linked ids). */
export interface EntryLinks {
  holdEntryId?: string | null;
  proposalId?: string | null;
  contractId?: string | null;
  milestoneId?: string | null;
  topUpId?: string | null;
}

/** A credit-ledger row and the postings on the customer books it stands for. */
export interface EntryDraft extends EntryLinks {
  /** Set when a later part of the same movement must link to this entry. */
  id?: string;
  type: LedgerEntryType;
  amountCents: number;
  note?: string | null;
  postings: Posting[];
}

export interface MovementDraft {
  accountId: string;
  kind: MovementKind;
  source?: FundingSourceValue | null;
  topUpId?: string | null;
  invoiceId?: string | null;
  contractId?: string | null;
  milestoneId?: string | null;
  entries: EntryDraft[];
  /** Postings that belong to no credit entry (card-funded escrow). */
  postings?: Posting[];
  /** When it happened (default: now), so a caller can stamp its own row with the same instant. */
  at?: Date;
}

/** Effect of postings on the customer's credit balance. */
function balanceDelta(postings: readonly Posting[]): CreditBalance {
  let availableCents = 0;
  let reservedCents = 0;
  for (const p of postings) {
    if (p.book === "customer_available") availableCents += p.amountCents;
    if (p.book === "customer_reserved") reservedCents += p.amountCents;
  }
  return { availableCents, reservedCents };
}

function assertWellFormed(m: MovementDraft, all: readonly Posting[]): void {
  for (const p of all) {
    if (!Number.isSafeInteger(p.amountCents) || p.amountCents === 0) {
      throw new Error(`ledger posting on ${p.book} must be a non-zero integer of cents, got ${p.amountCents}`);
    }
  }
  const sum = all.reduce((s, p) => s + p.amountCents, 0);
  if (sum !== 0) throw new Error(`ledger movement ${m.kind} does not balance: postings sum to ${sum}`);
  for (const e of m.entries) {
    const d = balanceDelta(e.postings);
    // The entry's amount is its effect on available; a CAPTURE's is its (negative) effect on reserved.
    const expected = e.type === "CAPTURE" ? d.reservedCents : d.availableCents;
    if (expected !== e.amountCents) {
      throw new Error(`ledger entry ${e.type} amount ${e.amountCents} disagrees with its postings (${expected})`);
    }
  }
}

/**
 * Writes one money movement: its credit entries, their postings (summing to zero; the database
 * checks that again at commit) and the cached balance. The caller holds the balance row lock
 * (lockCreditAccount) and passes the balance it read under it; an update that would take
 * available or reserved below zero is a bug in the caller's checks and throws. Returns the new
 * balance and the entry ids in order.
 */
export async function postMovement(
  tx: ServiceContext,
  locked: CreditBalance,
  m: MovementDraft,
): Promise<{ movementId: string; entryIds: string[]; balance: CreditBalance }> {
  const all = [...m.entries.flatMap((e) => e.postings), ...(m.postings ?? [])];
  assertWellFormed(m, all);
  const delta = balanceDelta(all);
  const balance = {
    availableCents: locked.availableCents + delta.availableCents,
    reservedCents: locked.reservedCents + delta.reservedCents,
  };
  if (balance.availableCents < 0 || balance.reservedCents < 0) {
    throw new Error(`ledger movement ${m.kind} would make the balance negative`);
  }
  const now = m.at ?? tx.clock.now();
  const movementId = newId("mov");
  await tx.db.insert(ledgerMovements).values({
    id: movementId,
    accountId: m.accountId,
    kind: m.kind,
    source: m.source ?? null,
    topUpId: m.topUpId ?? null,
    invoiceId: m.invoiceId ?? null,
    contractId: m.contractId ?? null,
    milestoneId: m.milestoneId ?? null,
    createdAt: now,
  });
  const entryIds: string[] = [];
  const postingRows: (typeof ledgerPostings.$inferInsert)[] = [];
  const posting = (p: Posting, entryId: string | null) => ({
    movementId,
    entryId,
    book: p.book,
    accountId: m.accountId,
    milestoneId: p.milestoneId ?? null,
    amountCents: p.amountCents,
    createdAt: now,
  });
  for (const e of m.entries) {
    const id = e.id ?? newId("led");
    entryIds.push(id);
    // One insert per entry keeps seq in write order (a later entry may link to an earlier one).
    await tx.db.insert(ledgerEntries).values({
      id,
      accountId: m.accountId,
      movementId,
      type: e.type,
      amountCents: e.amountCents,
      holdEntryId: e.holdEntryId ?? null,
      proposalId: e.proposalId ?? null,
      contractId: e.contractId ?? null,
      milestoneId: e.milestoneId ?? null,
      topUpId: e.topUpId ?? null,
      note: e.note ?? null,
      createdAt: now,
    });
    for (const p of e.postings) postingRows.push(posting(p, id));
  }
  for (const p of m.postings ?? []) postingRows.push(posting(p, null));
  await tx.db.insert(ledgerPostings).values(postingRows);
  if (delta.availableCents !== 0 || delta.reservedCents !== 0) {
    await tx.db
      .update(creditAccounts)
      .set({
        availableCents: sql`${creditAccounts.availableCents} + ${delta.availableCents}`,
        reservedCents: sql`${creditAccounts.reservedCents} + ${delta.reservedCents}`,
        updatedAt: now,
      })
      .where(eq(creditAccounts.accountId, m.accountId));
  }
  return { movementId, entryIds, balance };
}
