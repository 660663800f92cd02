import { SANDBOX_CARDS, type operations } from "@opentrain-ai/contract";
import { notFound } from "../../errors.js";
import type { Handler } from "../../http/request-context.js";
import { getAccount } from "../../services/accounts/get-account.js";
import { addPaymentMethod } from "../../services/billing/add-payment-method.js";

/** Same as adding a card on the billing page (402 for a declined test card). */
export const paymentMethodsAdd: Handler<typeof operations.sandboxPaymentMethodsAdd> = async (ctx, input) => {
  const account = await getAccount(ctx, input.accountId);
  if (!account) throw notFound("No account with this id.", { accountId: input.accountId });
  const paymentMethod = await addPaymentMethod(ctx, {
    accountId: input.accountId,
    addedByUserId: account.ownerUserId,
    card: { number: input.card ?? SANDBOX_CARDS.success },
  });
  return { accountId: input.accountId, paymentMethod };
};
