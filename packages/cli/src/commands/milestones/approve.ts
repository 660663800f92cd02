import { operations } from "@opentrain-ai/contract";
import { moneyCommand } from "../approvals/advice.js";
import { renderCoSign, str } from "../approvals/render.js";
import { asObject } from "../jobs/common.js";
import type { RunFn } from "../types.js";

const op = operations.milestonesApprove;

/** `opentrain milestones approve <milestoneId>` → POST /milestones/{id}/approve: a pending payout release. */
export const run: RunFn = moneyCommand(op, async (ctx, { body }, input) => {
  const a = asObject(body.approval);
  const id = str(a.milestoneId) ?? String(input.milestoneId);
  ctx.io.out(
    renderCoSign(ctx.io, body, `Payment release requested for milestone ${id}.`, [
      ["Milestone", id],
      ["Contract", str(a.contractId) ?? "-"],
      ["On confirm", "the escrow is paid out to the trainer (not reversible)"],
    ]),
  );
});
