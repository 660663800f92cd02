import { operations } from "@opentrain-ai/contract";
import { checkRequired, collectInput, validateInput } from "../../flags.js";
import { requestMoney } from "../approvals/advice.js";
import { renderCoSign, str } from "../approvals/render.js";
import { asObject } from "../jobs/common.js";
import type { RunFn } from "../types.js";

const op = operations.contractsEnd;

/**
 * `opentrain contracts end <contractId>` → POST /contracts/{id}/end. Without funded milestones the
 * contract ends now (200); with funded escrow a human must confirm (202, the approval's link).
 */
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
  const id = str(body.contractId) ?? String(input.contractId);
  if (res.status === 202) {
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
};
