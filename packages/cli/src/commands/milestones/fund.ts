import { operations } from "@opentrain-ai/contract";
import { moneyCommand } from "../approvals/advice.js";
import { renderCoSign, str } from "../approvals/render.js";
import { asObject } from "../jobs/common.js";
import type { RunFn } from "../types.js";

const op = operations.milestonesFund;

/** `opentrain milestones fund <milestoneId>` → POST /milestones/{id}/fund: a pending approval for a human. */
export const run: RunFn = moneyCommand(op, async (ctx, { body }, input) => {
  const a = asObject(body.approval);
  const id = str(a.milestoneId) ?? String(input.milestoneId);
  ctx.io.out(
    renderCoSign(ctx.io, body, `Funding requested for milestone ${id}.`, [
      ["Milestone", id],
      ["Contract", str(a.contractId) ?? "-"],
      ["On confirm", "the milestone amount goes into escrow plus the 10% marketplace fee, by card or credits"],
    ]),
  );
});
