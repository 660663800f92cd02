import type { LedgerEntry } from "@opentrain-ai/contract";
import { iso } from "../../clock.js";
import type { ledgerEntries } from "../../db/schema.js";

export type LedgerEntryRow = typeof ledgerEntries.$inferSelect;

/** A credit-ledger row as the API shows it (the proposal id is named jobofferId there). */
export function toLedgerEntry(row: LedgerEntryRow): LedgerEntry {
  return {
    id: row.id,
    type: row.type,
    amountCents: row.amountCents,
    createdAt: iso(row.createdAt),
    holdEntryId: row.holdEntryId,
    jobofferId: row.proposalId,
    contractId: row.contractId,
    milestoneId: row.milestoneId,
    topUpId: row.topUpId,
    note: row.note,
  };
}
