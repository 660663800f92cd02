import { formatCents, operations } from "@opentrain-ai/contract";
import { collectInput, validateInput } from "../../flags.js";
import { renderPairs } from "../../output/table.js";
import type { RunFn } from "../types.js";

const op = operations.sandboxTopUpsComplete;

/** `opentrain sandbox top-ups complete <topUpId> [--card <number>]` */
export const run: RunFn = async (ctx, inv) => {
  const binding = inv.binding!;
  const input = await collectInput(binding, inv.opts, inv.args, ctx.io);
  validateInput(binding, op, input);
  const client = await ctx.clientFor(op, { sandboxSecret: inv.opts.sandboxSecret as string | undefined });
  const res = await client.call(op, input as never);
  if (ctx.json) {
    ctx.printJson(res);
    return;
  }
  const { topUp } = res;
  ctx.io.println(
    res.alreadyPaid
      ? "This top-up was already paid; nothing was charged again."
      : `Paid as the human: ${formatCents(topUp.amountCents)} added to the credits.`,
  );
  ctx.io.out(
    renderPairs([
      ["Top-up", topUp.id],
      ["Status", topUp.status],
      ["Amount", formatCents(topUp.amountCents)],
      ["Completed", topUp.completedAt ?? "-"],
    ]),
  );
};
