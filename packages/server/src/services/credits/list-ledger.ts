import type { LedgerEntry } from "@opentrain-ai/contract";
import { and, desc, eq, lt } from "drizzle-orm";
import { ledgerEntries } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";
import { decodeCursor, toPage } from "../pagination.js";
import { toLedgerEntry } from "./ledger-entry-view.js";

/**
 * GET /credits/ledger: newest first in write order (the entry sequence, so entries written in
 * the same millisecond keep their order); nextCursor walks to older entries.
 */
export async function listLedger(
  ctx: ServiceContext,
  accountId: string,
  input: { cursor?: string; limit?: number },
): Promise<{ entries: LedgerEntry[]; nextCursor: string | null }> {
  const limit = input.limit ?? 50;
  const where = [eq(ledgerEntries.accountId, accountId)];
  if (input.cursor) {
    const [seq] = decodeCursor(input.cursor, ["number"]) as [number];
    where.push(lt(ledgerEntries.seq, seq));
  }
  const rows = await ctx.db
    .select()
    .from(ledgerEntries)
    .where(and(...where))
    .orderBy(desc(ledgerEntries.seq))
    .limit(limit + 1);
  const page = toPage(rows, limit, (r) => [r.seq]);
  return { entries: page.items.map(toLedgerEntry), nextCursor: page.nextCursor };
}
