import { operations } from "@opentrain-ai/contract";
import { collectInput, validateInput } from "../../flags.js";
import type { RunFn } from "../types.js";
import { approvalPairs } from "./approval-summary.js";

const op = operations.sandboxApprovalsDecline;

/** `opentrain sandbox approvals decline <approvalId>` */
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
  ctx.io.println("Declined as the human: nothing was carried out.");
  ctx.io.out(approvalPairs(res.approval as Record<string, unknown>));
};
