import { eq } from "drizzle-orm";
import { invoices, payouts } from "../../db/schema.js";
import { newId } from "../../ids.js";
import { withTransaction, type ServiceContext } from "../context.js";
import { formatUsd } from "./format.js";
import { postMovement, type EntryDraft, type Posting } from "./post-movement.js";
import { lockHeldEscrow } from "./settle-escrow.js";

export interface ReleaseEscrowInput {
  accountId: string;
  contractId: string;
  milestoneId: string;
}

export interface ReleaseEscrowResult {
  /** The milestone's funding invoice (now RELEASED). */
  invoiceId: string;
  /** The trainer payout record (settled at once: payouts to trainers happen outside this platform's ledger). */
  payoutTransactionId: string;
}

/**
 * Pays a funded milestone's escrow out to the trainer, inside the caller's transaction.
 * Credits-funded: a CAPTURE entry of -escrow (linked to the HOLD) moving it from reserved to
 * trainer_payable. Card-funded: postings escrow -> trainer_payable, no credit ledger entry.
 * 409 (reason "milestone_not_funded") when the milestone has no escrow still held (never
 * funded, already released or refunded), so a second release changes nothing.
 */
export async function releaseEscrow(ctx: ServiceContext, input: ReleaseEscrowInput): Promise<ReleaseEscrowResult> {
  return withTransaction(ctx, async (tx) => {
    const { balance, invoice } = await lockHeldEscrow(tx, input);
    const escrow = invoice.escrowCents;
    const links = {
      proposalId: invoice.proposalId,
      contractId: invoice.contractId,
      milestoneId: invoice.milestoneId,
    };
    let entries: EntryDraft[] = [];
    let postings: Posting[] = [];
    if (invoice.source === "credits") {
      entries = [
        {
          type: "CAPTURE",
          amountCents: -escrow,
          holdEntryId: invoice.holdEntryId,
          ...links,
          note: `Escrow ${formatUsd(escrow)} released to the trainer`,
          postings: [
            { book: "customer_reserved", amountCents: -escrow, milestoneId: invoice.milestoneId },
            { book: "trainer_payable", amountCents: escrow },
          ],
        },
      ];
    } else {
      postings = [
        { book: "escrow", amountCents: -escrow, milestoneId: invoice.milestoneId },
        { book: "trainer_payable", amountCents: escrow },
      ];
    }
    await postMovement(tx, balance, {
      accountId: input.accountId,
      kind: "RELEASE",
      source: invoice.source,
      invoiceId: invoice.id,
      contractId: invoice.contractId,
      milestoneId: invoice.milestoneId,
      entries,
      postings,
    });
    const now = tx.clock.now();
    const payoutTransactionId = newId("po");
    await tx.db.insert(payouts).values({
      id: payoutTransactionId,
      invoiceId: invoice.id,
      accountId: input.accountId,
      contractId: invoice.contractId,
      milestoneId: invoice.milestoneId,
      amountCents: escrow,
      status: "PAID",
      createdAt: now,
      paidAt: now,
    });
    await tx.db.update(invoices).set({ status: "RELEASED", settledAt: now }).where(eq(invoices.id, invoice.id));
    return { invoiceId: invoice.id, payoutTransactionId };
  });
}
