import { and, eq, inArray } from "drizzle-orm";
import { invoices, type InvoiceStatus } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";

export type InvoiceRow = typeof invoices.$inferSelect;

/**
 * The milestone's live funding invoice (PENDING or PAID; there is at most one), locked for the
 * rest of the transaction; null when none.
 */
export async function findLiveInvoice(
  tx: ServiceContext,
  milestoneId: string,
  statuses: readonly InvoiceStatus[] = ["PENDING", "PAID"],
): Promise<InvoiceRow | null> {
  const [row] = await tx.db
    .select()
    .from(invoices)
    .where(and(eq(invoices.milestoneId, milestoneId), inArray(invoices.status, [...statuses])))
    .for("update");
  return row ?? null;
}
