/**
 * The money API other services call (hiring, milestones, contracts). Every function here runs inside
 * the caller's transaction when `ctx` already is one (use `withTransaction`), locks the account's
 * balance row (`SELECT ... FOR UPDATE`) as the LAST lock of the caller's lock order
 * (approval -> contract -> milestone -> account balance), and writes double-entry postings that sum
 * to zero. Amounts are integer cents. Nothing here checks that a human confirmed: callers only call
 * these after an approval was confirmed. An ApiError thrown here aborts the caller's transaction.
 *
 * - fundingOptions(ctx, accountId) -> { availableCents, hasPaymentMethod }   (plain read)
 * - fundEscrow(ctx, { accountId, source, escrowCents, feeCents, proposalId?, contractId, milestoneId,
 *   jobId?, milestoneName? }) -> { invoiceId, paymentIntentId, holdEntryId }
 *   throws 409 payment_method_required {billingUrl, requiredCents, availableCents?} (credits short, or
 *   card chosen with no saved card) · 402 PAYMENT_DECLINED {declineCode, billingUrl} (card declined,
 *   nothing written) · 409 milestone_not_fundable (already funded) · 503 (production, no provider)
 * - releaseEscrow(ctx, { accountId, contractId, milestoneId }) -> { invoiceId, payoutTransactionId }
 *   throws 409 milestone_not_funded
 * - refundEscrow(ctx, { accountId, contractId, milestoneId }) -> { entryId }   throws 409 milestone_not_funded
 * - billingUrl(config, accountId); openFundingInvoice / voidFundingInvoice (optional, see below)
 *
 * Sandbox test cards (billing page, checkout page, helpers): 4242 4242 4242 4242 succeeds;
 * 4000 0000 0000 0002 is declined (cannot be saved or pay a checkout); 4000 0000 0000 0341 saves,
 * then every charge to it is declined (for "declined card at confirm time").
 */
export type FundingSource = "credits" | "card";

/** Marketplace fee rate on the escrowed milestone amount (10 %). */
export const MARKETPLACE_FEE_RATE_PERCENT = 10;
/** Flat fee charged once per contract, on the hire ($9.95). */
export const CONTRACT_FEE_CENTS = 995;

/** 10 % of `cents`, rounded half-up to the cent (integer arithmetic, no floats). */
export function marketplaceFeeCents(cents: number): number {
  assertCents(cents, "milestoneCents");
  return Math.floor((cents * MARKETPLACE_FEE_RATE_PERCENT + 50) / 100);
}

/** Fees the platform charges on a hire: 10 % marketplace fee (rounded half-up to the cent) + 995 contract fee. */
export function hireFees(milestoneCents: number): {
  marketplaceFeeCents: number;
  contractFeeCents: number;
  totalCents: number;
} {
  const marketplace = marketplaceFeeCents(milestoneCents);
  return {
    marketplaceFeeCents: marketplace,
    contractFeeCents: CONTRACT_FEE_CENTS,
    totalCents: marketplace + CONTRACT_FEE_CENTS,
  };
}

/**
 * Fees on funding a later milestone: the same 10 % marketplace fee, no contract fee (that one is
 * charged once, on the hire). `totalCents` is the fee total, not including the milestone.
 */
export function milestoneFundingFees(milestoneCents: number): { marketplaceFeeCents: number; totalCents: number } {
  const marketplace = marketplaceFeeCents(milestoneCents);
  return { marketplaceFeeCents: marketplace, totalCents: marketplace };
}

export { fundingOptions } from "./funding-options.js";
export { fundEscrow, type FundEscrowInput, type FundEscrowResult } from "./fund-escrow.js";
export { releaseEscrow, type ReleaseEscrowInput, type ReleaseEscrowResult } from "./release-escrow.js";
export { refundEscrow, type RefundEscrowInput, type RefundEscrowResult } from "./refund-escrow.js";
/** The billing page URL for details.billingUrl of 409 payment_method_required. */
export { billingUrl } from "../billing/billing-url.js";
/**
 * Optional: a PENDING funding invoice while a milestone_fund approval waits (its id is the
 * invoiceId of event payment.pending; GET /payments/pending lists it), and voiding it on decline
 * or expiry. fundEscrow pays the open invoice when there is one.
 */
export {
  openFundingInvoice,
  voidFundingInvoice,
  type OpenFundingInvoiceInput,
} from "../invoices/open-funding-invoice.js";

function assertCents(cents: number, name: string): void {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`${name} must be a non-negative integer`);
}
