import { eq } from "drizzle-orm";
import { invoices } from "../../db/schema.js";
import { ApiError, conflict } from "../../errors.js";
import { newId } from "../../ids.js";
import { billingUrl } from "../billing/billing-url.js";
import { defaultPaymentMethod } from "../billing/payment-methods.js";
import { requirePaymentProvider } from "../billing/provider.js";
import { withTransaction, type ServiceContext } from "../context.js";
import { findLiveInvoice } from "../invoices/find-live-invoice.js";
import { nextInvoiceNumber } from "../invoices/invoice-number.js";
import { assertAmounts } from "../invoices/open-funding-invoice.js";
import { lockCreditAccount } from "./credit-account.js";
import { formatUsd } from "./format.js";
import type { FundingSource } from "./index.js";
import { postMovement, type EntryDraft, type Posting } from "./post-movement.js";

export interface FundEscrowInput {
  /** The paying (employer) account: the organization owner's account. */
  accountId: string;
  source: FundingSource;
  /** The milestone amount that goes into escrow. */
  escrowCents: number;
  /** Platform fees captured as revenue at funding time (hireFees / milestoneFundingFees `totalCents`). */
  feeCents: number;
  /** The hired proposal (ledger rows show it as jobofferId); set on the hire. */
  proposalId?: string;
  contractId: string;
  milestoneId: string;
  /** Shown on the invoice and in GET /payments/pending (optional). */
  jobId?: string;
  milestoneName?: string | null;
}

export interface FundEscrowResult {
  invoiceId: string;
  /** The provider's charge id for card funding; null for credits. */
  paymentIntentId: string | null;
  /** The HOLD ledger entry for credits funding; null for card funding. */
  holdEntryId: string | null;
}

/**
 * Puts `escrowCents` into escrow for a milestone and captures `feeCents` as platform revenue, from the
 * chosen source, inside the caller's transaction (call via withTransaction).
 *
 * Credits: a HOLD entry of -(escrow + fees) on available, then a CAPTURE entry of -fees that moves
 * the fee part from reserved to platform revenue; reserved then holds exactly the escrow. When
 * available < escrow + fees: 409 CONFLICT, details {reason: "payment_method_required", billingUrl,
 * availableCents, requiredCents} (also when a card is saved: the human should pick the card or top up).
 *
 * Card: charges the account's most recently saved card for escrow + fees through the payment
 * provider (idempotency key = the invoice id); no credit ledger entry (available/reserved unchanged),
 * postings card_clearing -> escrow + platform_revenue. No saved card -> 409 payment_method_required
 * with billingUrl. A declined card -> 402 PAYMENT_DECLINED (details.declineCode, billingUrl) and
 * nothing is written. Production mode without a provider -> 503 SERVICE_UNAVAILABLE.
 *
 * Pays the milestone's PENDING invoice (openFundingInvoice) or creates one; either way the
 * invoice ends PAID with these amounts. A milestone already funded -> 409 milestone_not_fundable.
 */
export async function fundEscrow(ctx: ServiceContext, input: FundEscrowInput): Promise<FundEscrowResult> {
  assertAmounts(input.escrowCents, input.feeCents);
  return withTransaction(ctx, async (tx) => {
    const balance = await lockCreditAccount(tx, input.accountId);
    const live = await findLiveInvoice(tx, input.milestoneId);
    if (live?.status === "PAID" || (live && live.accountId !== input.accountId)) {
      throw conflict("This milestone is already funded.", {
        reason: "milestone_not_fundable",
        milestoneId: input.milestoneId,
      });
    }
    const totalCents = input.escrowCents + input.feeCents;
    const invoiceId = live?.id ?? newId("inv");
    const links = {
      proposalId: input.proposalId ?? null,
      contractId: input.contractId,
      milestoneId: input.milestoneId,
    };
    const paymentRequired = (message: string, extra: Record<string, unknown> = {}) =>
      conflict(message, {
        reason: "payment_method_required",
        billingUrl: billingUrl(tx.config, input.accountId),
        requiredCents: totalCents,
        ...extra,
      });

    let entries: EntryDraft[] = [];
    let postings: Posting[] = [];
    let paymentIntentId: string | null = null;
    let holdEntryId: string | null = null;
    if (input.source === "credits") {
      if (balance.availableCents < totalCents) {
        throw paymentRequired(
          `The credit balance (${formatUsd(balance.availableCents)} available) does not cover ${formatUsd(totalCents)} ` +
            "(milestone plus fees). Top up credits or pay by card.",
          { availableCents: balance.availableCents },
        );
      }
      holdEntryId = newId("led");
      entries = [
        {
          id: holdEntryId,
          type: "HOLD",
          amountCents: -totalCents,
          ...links,
          note: `Escrow ${formatUsd(input.escrowCents)} + fees ${formatUsd(input.feeCents)}`,
          postings: [
            { book: "customer_available", amountCents: -totalCents },
            { book: "customer_reserved", amountCents: totalCents, milestoneId: input.milestoneId },
          ],
        },
      ];
      if (input.feeCents > 0) {
        entries.push({
          type: "CAPTURE",
          amountCents: -input.feeCents,
          holdEntryId,
          ...links,
          note: `Platform fees ${formatUsd(input.feeCents)}`,
          postings: [
            { book: "customer_reserved", amountCents: -input.feeCents, milestoneId: input.milestoneId },
            { book: "platform_revenue", amountCents: input.feeCents },
          ],
        });
      }
    } else {
      const card = await defaultPaymentMethod(tx, input.accountId);
      if (!card) throw paymentRequired("No card is saved for this account. Add one on the billing page.");
      const provider = requirePaymentProvider(tx);
      const outcome = await provider.chargeSavedCard({
        accountId: input.accountId,
        providerRef: card.providerRef,
        amountCents: totalCents,
        idempotencyKey: invoiceId,
        description: `Escrow for milestone ${input.milestoneId}`,
      });
      if (outcome.status === "declined") {
        throw new ApiError(
          "PAYMENT_DECLINED",
          `${outcome.message} Nothing was charged or funded; use another card or pay from credits.`,
          { declineCode: outcome.declineCode, billingUrl: billingUrl(tx.config, input.accountId) },
        );
      }
      paymentIntentId = outcome.paymentIntentId;
      postings = [
        { book: "card_clearing", amountCents: -totalCents },
        { book: "escrow", amountCents: input.escrowCents, milestoneId: input.milestoneId },
      ];
      if (input.feeCents > 0) postings.push({ book: "platform_revenue", amountCents: input.feeCents });
    }

    const now = tx.clock.now();
    await postMovement(tx, balance, {
      at: now,
      accountId: input.accountId,
      kind: "FUND",
      source: input.source,
      invoiceId,
      contractId: input.contractId,
      milestoneId: input.milestoneId,
      entries,
      postings,
    });
    const paid = {
      status: "PAID" as const,
      source: input.source,
      proposalId: input.proposalId ?? live?.proposalId ?? null,
      contractId: input.contractId,
      escrowCents: input.escrowCents,
      feeCents: input.feeCents,
      paymentIntentId,
      holdEntryId,
      paidAt: now,
      ...(input.jobId ? { jobId: input.jobId } : {}),
      ...(input.milestoneName !== undefined ? { milestoneName: input.milestoneName } : {}),
    };
    if (live) {
      await tx.db.update(invoices).set(paid).where(eq(invoices.id, live.id));
    } else {
      await tx.db.insert(invoices).values({
        id: invoiceId,
        number: await nextInvoiceNumber(tx),
        accountId: input.accountId,
        kind: "FUNDING",
        milestoneId: input.milestoneId,
        createdAt: now,
        ...paid,
      });
    }
    return { invoiceId, paymentIntentId, holdEntryId };
  });
}
