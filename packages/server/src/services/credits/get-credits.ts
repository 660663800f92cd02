import type { Credits } from "@opentrain-ai/contract";
import { desc, eq } from "drizzle-orm";
import { ledgerEntries } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";
import { readCreditBalance } from "../ledger/credit-account.js";
import { toLedgerEntry } from "./ledger-entry-view.js";

const RECENT_ENTRIES = 10;

/**
 * GET /credits: the account's balance and its last 10 ledger entries, newest first. The account
 * is the caller's organization, so a team member reads the owner's credit account; an account
 * that never used credits answers zeros.
 */
export async function getCredits(ctx: ServiceContext, accountId: string): Promise<Credits> {
  const balance = await readCreditBalance(ctx, accountId);
  const rows = await ctx.db
    .select()
    .from(ledgerEntries)
    .where(eq(ledgerEntries.accountId, accountId))
    .orderBy(desc(ledgerEntries.seq))
    .limit(RECENT_ENTRIES);
  return {
    availableCents: balance.availableCents,
    reservedCents: balance.reservedCents,
    currency: "usd",
    recentEntries: rows.map(toLedgerEntry),
  };
}
