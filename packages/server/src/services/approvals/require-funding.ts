import type { Config } from "../../config.js";
import { conflict } from "../../errors.js";
import type { ServiceContext } from "../context.js";
import { fundingOptions } from "../ledger/index.js";

/** The billing page where the human adds a card or buys credits, for the account. */
export function billingUrl(config: Pick<Config, "publicUrl">, accountId: string): string {
  return `${config.publicUrl}/billing?account=${encodeURIComponent(accountId)}`;
}

/**
 * The money precondition of a hire or a funding request (spec 30 §1.4, §1.12, conflict 8): a
 * saved card, or a credit balance that covers the whole charge. Otherwise 409
 * `payment_method_required` with the `billingUrl` to hand to the human.
 */
export async function requireFunding(ctx: ServiceContext, accountId: string, totalCents: number): Promise<void> {
  const options = await fundingOptions(ctx, accountId);
  if (options.hasPaymentMethod || options.availableCents >= totalCents) return;
  throw conflict(
    "No payment method is on file and the credit balance does not cover this charge. Ask your human to add a card or buy credits at billingUrl, then retry.",
    {
      reason: "payment_method_required",
      billingUrl: billingUrl(ctx.config, accountId),
      requiredCents: totalCents,
      availableCents: options.availableCents,
    },
  );
}
