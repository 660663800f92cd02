import { operations } from "@opentrain-ai/contract";
import { collectInput, validateInput } from "../../flags.js";
import { renderPairs } from "../../output/table.js";
import type { RunFn } from "../types.js";
import { accountIdFrom } from "./account.js";

const op = operations.sandboxPaymentMethodsAdd;

interface StoredCard {
  id?: string;
  brand?: string;
  last4?: string;
}

/** `opentrain sandbox payment-methods add [accountId] [--card <number>]`: the account defaults to the saved token's. */
export const run: RunFn = async (ctx, inv) => {
  const binding = inv.binding!;
  const input = await collectInput(binding, inv.opts, inv.args, ctx.io);
  input.accountId = await accountIdFrom(ctx, input.accountId);
  validateInput(binding, op, input);
  const client = await ctx.clientFor(op, { sandboxSecret: inv.opts.sandboxSecret as string | undefined });
  const res = (await client.call(op, input as never)) as { accountId?: string; paymentMethod?: StoredCard };
  if (ctx.json) {
    ctx.printJson(res);
    return;
  }
  const card = res.paymentMethod ?? {};
  ctx.io.println("Card saved as the human: hires and milestone funding can now be paid by card.");
  ctx.io.out(
    renderPairs([
      ["Account", String(res.accountId ?? input.accountId)],
      ["Card", `${(card.brand ?? "card").toUpperCase()} ending in ${card.last4 ?? "????"}`],
      ["Payment method", card.id ?? "-"],
    ]),
  );
};
