import { operations } from "@opentrain-ai/contract";
import { collectInput, validateInput } from "../../flags.js";
import { renderPairs } from "../../output/table.js";
import type { RunFn } from "../types.js";

const op = operations.sandboxMilestonesRequestPayout;

/** `opentrain sandbox milestones request-payout <milestoneId>` */
export const run: RunFn = async (ctx, inv) => {
  const binding = inv.binding!;
  const input = await collectInput(binding, inv.opts, inv.args, ctx.io);
  validateInput(binding, op, input);
  const client = await ctx.clientFor(op, { sandboxSecret: inv.opts.sandboxSecret as string | undefined });
  const res = (await client.call(op, input as never)) as Record<string, unknown>;
  if (ctx.json) {
    ctx.printJson(res);
    return;
  }
  ctx.io.println(
    res.alreadyRequested
      ? "The trainer had already requested payout; nothing changed."
      : "The trainer marked the work complete and requested payout.",
  );
  ctx.io.out(
    renderPairs([
      ["Milestone", String(res.milestoneId)],
      ["Contract", String(res.contractId ?? "-")],
      ["Status", `${String(res.status ?? "-")} (pending approval)`],
      ["Requested", String(res.payoutRequestedAt ?? "-")],
    ]),
  );
  ctx.io.println();
  ctx.io.println(`Release it with: opentrain milestones approve ${String(res.milestoneId)}`);
};
