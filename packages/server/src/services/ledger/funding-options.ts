import type { ServiceContext } from "../context.js";
import { defaultPaymentMethod } from "../billing/payment-methods.js";
import { readCreditBalance } from "./credit-account.js";

/**
 * What the account can pay with right now (for 409 payment_method_required + billingUrl, and the
 * approval page's choice of card or credits). A plain read: recheck under lock when paying.
 */
export async function fundingOptions(
  ctx: ServiceContext,
  accountId: string,
): Promise<{ availableCents: number; hasPaymentMethod: boolean }> {
  const balance = await readCreditBalance(ctx, accountId);
  const card = await defaultPaymentMethod(ctx, accountId);
  return { availableCents: balance.availableCents, hasPaymentMethod: card !== null };
}
