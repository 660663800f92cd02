import { conflict } from "../../errors.js";
import type { ServiceContext } from "../context.js";
import { findLiveInvoice, type InvoiceRow } from "../invoices/find-live-invoice.js";
import { lockCreditAccount, type CreditBalance } from "./credit-account.js";

/**
 * Locks the account balance, then the milestone's PAID funding invoice (the escrow still held).
 * 409 milestone_not_funded when there is none for this account and contract (never funded,
 * already released or refunded).
 */
export async function lockHeldEscrow(
  tx: ServiceContext,
  input: { accountId: string; contractId: string; milestoneId: string },
): Promise<{ balance: CreditBalance; invoice: InvoiceRow }> {
  const balance = await lockCreditAccount(tx, input.accountId);
  const invoice = await findLiveInvoice(tx, input.milestoneId, ["PAID"]);
  if (!invoice || invoice.accountId !== input.accountId || invoice.contractId !== input.contractId) {
    throw conflict("This milestone has no funded escrow: fund it first.", {
      reason: "milestone_not_funded",
      milestoneId: input.milestoneId,
    });
  }
  return { balance, invoice };
}
