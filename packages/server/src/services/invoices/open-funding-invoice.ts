import { eq } from "drizzle-orm";
import { invoices } from "../../db/schema.js";
import { conflict } from "../../errors.js";
import { newId } from "../../ids.js";
import { withTransaction, type ServiceContext } from "../context.js";
import { findLiveInvoice } from "./find-live-invoice.js";
import { nextInvoiceNumber } from "./invoice-number.js";

export interface OpenFundingInvoiceInput {
  accountId: string;
  jobId: string;
  proposalId?: string | null;
  contractId: string;
  milestoneId: string;
  milestoneName?: string | null;
  escrowCents: number;
  feeCents: number;
}

/**
 * A PENDING funding invoice for a milestone whose funding awaits the human (GET /payments/pending
 * lists it; event payment.pending carries its id). Idempotent per milestone: an open invoice is
 * returned with its amounts refreshed. fundEscrow later pays it (or creates one when none is
 * open); voidFundingInvoice closes it when the request is declined or expires. 409
 * milestone_not_fundable when the milestone is already funded.
 */
export async function openFundingInvoice(
  ctx: ServiceContext,
  input: OpenFundingInvoiceInput,
): Promise<{ invoiceId: string; invoiceNumber: string }> {
  assertAmounts(input.escrowCents, input.feeCents);
  return withTransaction(ctx, async (tx) => {
    const live = await findLiveInvoice(tx, input.milestoneId);
    if (live?.status === "PAID") {
      throw conflict("This milestone is already funded.", {
        reason: "milestone_not_fundable",
        milestoneId: input.milestoneId,
      });
    }
    const fields = {
      jobId: input.jobId,
      proposalId: input.proposalId ?? null,
      contractId: input.contractId,
      milestoneName: input.milestoneName ?? null,
      escrowCents: input.escrowCents,
      feeCents: input.feeCents,
    };
    if (live) {
      await tx.db.update(invoices).set(fields).where(eq(invoices.id, live.id));
      return { invoiceId: live.id, invoiceNumber: live.number };
    }
    const id = newId("inv");
    const number = await nextInvoiceNumber(tx);
    await tx.db.insert(invoices).values({
      id,
      number,
      accountId: input.accountId,
      kind: "FUNDING",
      status: "PENDING",
      milestoneId: input.milestoneId,
      createdAt: tx.clock.now(),
      ...fields,
    });
    return { invoiceId: id, invoiceNumber: number };
  });
}

/** Closes the milestone's PENDING funding invoice (request declined or expired); a no-op when none is open. */
export async function voidFundingInvoice(ctx: ServiceContext, input: { milestoneId: string }): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    const live = await findLiveInvoice(tx, input.milestoneId, ["PENDING"]);
    if (live) await tx.db.update(invoices).set({ status: "VOID" }).where(eq(invoices.id, live.id));
  });
}

export function assertAmounts(escrowCents: number, feeCents: number): void {
  if (!Number.isSafeInteger(escrowCents) || escrowCents <= 0) {
    throw new RangeError(`escrowCents must be a positive integer of cents, got ${escrowCents}`);
  }
  if (!Number.isSafeInteger(feeCents) || feeCents < 0) {
    throw new RangeError(`feeCents must be a non-negative integer of cents, got ${feeCents}`);
  }
}
