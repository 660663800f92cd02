import { operations } from "@opentrain-ai/contract";
import { moneyCommand } from "../approvals/advice.js";
import { renderCoSign, str } from "../approvals/render.js";
import type { RunFn } from "../types.js";

const op = operations.contractsEnd;

/**
 * `opentrain contracts end <contractId>` → POST /contracts/{id}/end. Without funded milestones the
 * contract ends now (200); with funded escrow a human must confirm (202, the approval's link).
 */
export const run: RunFn = moneyCommand(op, async (ctx, { body, status }, input) => {
  const id = str(body.contractId) ?? String(input.contractId);
  if (status === 202) {
    ctx.io.out(
      renderCoSign(ctx.io, body, `Ending contract ${id} needs a human: it has funded escrow at stake.`, [
        ["Contract", id],
        [
          "On confirm",
          "the contract ends, unspent escrow goes back to the credit balance, unfunded milestones are cancelled",
        ],
      ]),
    );
    return;
  }
  ctx.io.println(`Contract ${id} ended (no funded milestones, so no approval was needed).`);
});
