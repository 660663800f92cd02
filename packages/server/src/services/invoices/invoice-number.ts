import { sql } from "drizzle-orm";
import { rowsOf } from "../../db/migrate.js";
import type { ServiceContext } from "../context.js";

/** The next human-facing invoice number, e.g. INV-000042 (a sequence: unique, never reused). */
export async function nextInvoiceNumber(tx: ServiceContext): Promise<string> {
  const res = await tx.db.execute(sql`SELECT nextval('invoice_number_seq')::text AS n`);
  const [row] = rowsOf<{ n: string }>(res);
  return `INV-${row!.n.padStart(6, "0")}`;
}
