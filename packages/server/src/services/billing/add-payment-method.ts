import { ApiError } from "../../errors.js";
import { newId } from "../../ids.js";
import { paymentMethods } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";
import type { CardInput } from "./payment-provider.js";
import { toPaymentMethodView, type PaymentMethodView } from "./payment-methods.js";
import { requirePaymentProvider } from "./provider.js";

/**
 * Saves a card for the account through the payment provider (billing page, sandbox helper).
 * A declined card answers 402 PAYMENT_DECLINED and saves nothing. Callers check that the human
 * may manage the account's billing.
 */
export async function addPaymentMethod(
  ctx: ServiceContext,
  input: { accountId: string; addedByUserId: string | null; card: CardInput },
): Promise<PaymentMethodView> {
  const provider = requirePaymentProvider(ctx);
  const outcome = await provider.savePaymentMethod({ accountId: input.accountId, card: input.card });
  if (outcome.status === "declined") {
    throw new ApiError("PAYMENT_DECLINED", `${outcome.message} Try another card; nothing was saved.`, {
      declineCode: outcome.declineCode,
    });
  }
  const [row] = await ctx.db
    .insert(paymentMethods)
    .values({
      id: newId("pm"),
      accountId: input.accountId,
      provider: provider.name,
      providerRef: outcome.providerRef,
      brand: outcome.brand,
      last4: outcome.last4,
      expMonth: outcome.expMonth,
      expYear: outcome.expYear,
      addedByUserId: input.addedByUserId,
      createdAt: ctx.clock.now(),
    })
    .returning();
  return toPaymentMethodView(row!);
}
