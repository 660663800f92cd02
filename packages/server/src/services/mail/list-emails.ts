import { desc, eq, sql } from "drizzle-orm";
import { emails } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";

export type EmailRow = typeof emails.$inferSelect;

/** Newest emails first, optionally only those to one address (the sandbox mailbox). */
export async function listEmails(ctx: ServiceContext, opts: { to?: string; limit?: number } = {}): Promise<EmailRow[]> {
  const q = ctx.db.select().from(emails);
  const filtered = opts.to ? q.where(sql`lower(${emails.toAddress}) = ${opts.to.toLowerCase()}`) : q;
  return filtered.orderBy(desc(emails.createdAt), desc(emails.id)).limit(opts.limit ?? 100);
}

export async function getEmail(ctx: ServiceContext, id: string): Promise<EmailRow | null> {
  const [row] = await ctx.db.select().from(emails).where(eq(emails.id, id)).limit(1);
  return row ?? null;
}
