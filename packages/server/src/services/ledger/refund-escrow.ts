import { eq } from "drizzle-orm";
import { invoices } from "../../db/schema.js";
import { withTransaction, type ServiceContext } from "../context.js";
import { formatUsd } from "./format.js";
import { postMovement, type EntryDraft } from "./post-movement.js";
import { lockHeldEscrow } from "./settle-escrow.js";

export interface RefundEscrowInput {
  accountId: string;
  contractId: string;
  milestoneId: string;
}

export interface RefundEscrowResult {
  /** The ledger entry that returned the money to available credits. */
  entryId: string;
}

/**
 * Returns a funded milestone's unspent escrow to the employer's available credits, inside the
 * caller's transaction. Credits-funded: HOLD_RELEASE (+escrow on available, linked to the HOLD).
 * Card-funded: REFUND (+escrow on available, postings escrow -> customer_available): the money
 * becomes credits, it does not go back to the card. Fees already captured are not refunded.
 * 409 (reason "milestone_not_funded") when nothing is held, so a second refund changes nothing.
 */
export async function refundEscrow(ctx: ServiceContext, input: RefundEscrowInput): Promise<RefundEscrowResult> {
  return withTransaction(ctx, async (tx) => {
    const { balance, invoice } = await lockHeldEscrow(tx, input);
    const escrow = invoice.escrowCents;
    const links = {
      proposalId: invoice.proposalId,
      contractId: invoice.contractId,
      milestoneId: invoice.milestoneId,
    };
    const entry: EntryDraft =
      invoice.source === "credits"
        ? {
            type: "HOLD_RELEASE",
            amountCents: escrow,
            holdEntryId: invoice.holdEntryId,
            ...links,
            note: `Unspent escrow ${formatUsd(escrow)} returned`,
            postings: [
              { book: "customer_reserved", amountCents: -escrow, milestoneId: invoice.milestoneId },
              { book: "customer_available", amountCents: escrow },
            ],
          }
        : {
            type: "REFUND",
            amountCents: escrow,
            ...links,
            note: `Unspent card-funded escrow ${formatUsd(escrow)} (${invoice.number}) returned as credits`,
            postings: [
              { book: "escrow", amountCents: -escrow, milestoneId: invoice.milestoneId },
              { book: "customer_available", amountCents: escrow },
            ],
          };
    const { entryIds } = await postMovement(tx, balance, {
      accountId: input.accountId,
      kind: "REFUND",
      source: invoice.source,
      invoiceId: invoice.id,
      contractId: invoice.contractId,
      milestoneId: invoice.milestoneId,
      entries: [entry],
    });
    await tx.db
      .update(invoices)
      .set({ status: "REFUNDED", settledAt: tx.clock.now() })
      .where(eq(invoices.id, invoice.id));
    return { entryId: entryIds[0]! };
  });
}
