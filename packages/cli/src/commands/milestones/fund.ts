import { operations } from "@opentrain-ai/contract";
import { checkRequired, collectInput, validateInput } from "../../flags.js";
import { requestMoney } from "../approvals/advice.js";
import { renderCoSign, str } from "../approvals/render.js";
import { asObject } from "../jobs/common.js";
import type { RunFn } from "../types.js";

const op = operations.milestonesFund;

/** `opentrain milestones fund <milestoneId>` → POST /milestones/{id}/fund: a pending approval for a human. */
export const run: RunFn = async (ctx, inv) => {
  const binding = inv.binding!;
  const input = await collectInput(binding, inv.opts, inv.args, ctx.io);
  checkRequired(binding, input);
  validateInput(binding, op, input);
  const res = await requestMoney(ctx, op, input);
  if (ctx.json) {
    ctx.printJson(res.body);
    return;
  }
  const body = asObject(res.body);
  const a = asObject(body.approval);
  const id = str(a.milestoneId) ?? String(input.milestoneId);
  ctx.io.out(
    renderCoSign(ctx.io, body, `Funding requested for milestone ${id}.`, [
      ["Milestone", id],
      ["Contract", str(a.contractId) ?? "-"],
      ["On confirm", "the milestone amount goes into escrow plus the 10% marketplace fee, by card or credits"],
    ]),
  );
};
