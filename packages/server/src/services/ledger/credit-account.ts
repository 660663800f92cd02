import { eq } from "drizzle-orm";
import { creditAccounts } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";

export interface CreditBalance {
  availableCents: number;
  reservedCents: number;
}

/**
 * Locks the account's balance row (creating it at zero on first use) and returns the balance.
 * Every money movement of the account holds this lock until it commits, so balance checks and
 * updates cannot interleave. It is the last lock in the order approval → contract → milestone →
 * account balance.
 */
export async function lockCreditAccount(tx: ServiceContext, accountId: string): Promise<CreditBalance> {
  const now = tx.clock.now();
  await tx.db
    .insert(creditAccounts)
    .values({ accountId, availableCents: 0, reservedCents: 0, createdAt: now, updatedAt: now })
    .onConflictDoNothing();
  const [row] = await tx.db
    .select({ availableCents: creditAccounts.availableCents, reservedCents: creditAccounts.reservedCents })
    .from(creditAccounts)
    .where(eq(creditAccounts.accountId, accountId))
    .for("update");
  if (!row) throw new Error(`credit account ${accountId} vanished under lock`);
  return row;
}

/** The cached balance without locking; zeros for an account that never used credits. */
export async function readCreditBalance(ctx: ServiceContext, accountId: string): Promise<CreditBalance> {
  const [row] = await ctx.db
    .select({ availableCents: creditAccounts.availableCents, reservedCents: creditAccounts.reservedCents })
    .from(creditAccounts)
    .where(eq(creditAccounts.accountId, accountId))
    .limit(1);
  return row ?? { availableCents: 0, reservedCents: 0 };
}
