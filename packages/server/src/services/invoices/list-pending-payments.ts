import type { PendingPayment } from "@opentrain-ai/contract";
import { and, desc, eq } from "drizzle-orm";
import { iso } from "../../clock.js";
import { invoices, jobs } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";

/**
 * GET /payments/pending: the account's funding invoices still owed (PENDING_FUNDING), newest
 * first. A pure read. Payouts settle when released (no payout is ever in flight here), and an
 * employer account is never paid as a trainer, so PENDING_PAYOUT rows do not occur.
 */
export async function listPendingPayments(ctx: ServiceContext, accountId: string): Promise<PendingPayment[]> {
  const rows = await ctx.db
    .select({ invoice: invoices, jobTitle: jobs.title })
    .from(invoices)
    .leftJoin(jobs, eq(jobs.id, invoices.jobId))
    .where(and(eq(invoices.accountId, accountId), eq(invoices.status, "PENDING")))
    .orderBy(desc(invoices.createdAt), desc(invoices.id));
  return rows.map(({ invoice, jobTitle }) => ({
    id: invoice.id,
    status: "PENDING_FUNDING",
    invoiceKind: invoice.kind,
    viewerRole: "EMPLOYER",
    // What the employer owes: the milestone's escrow plus the fees charged with it.
    amountUsd: (invoice.escrowCents + invoice.feeCents) / 100,
    createdAt: iso(invoice.createdAt),
    invoiceNumber: invoice.number,
    job: { id: invoice.jobId ?? "", title: jobTitle ?? "" },
    milestone: { id: invoice.milestoneId, name: invoice.milestoneName },
  }));
}
