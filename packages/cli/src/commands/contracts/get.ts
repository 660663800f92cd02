import { operations } from "@opentrain-ai/contract";
import { checkRequired, collectInput, validateInput } from "../../flags.js";
import { requestMoney } from "../approvals/advice.js";
import { asObject } from "../jobs/common.js";
import type { RunFn } from "../types.js";
import { renderContract } from "./render.js";

const op = operations.contractsGet;

/** `opentrain contracts get <contractId>` → GET /contracts/{id}: milestones and budget in dollars. */
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
  ctx.io.out(renderContract(ctx.io, asObject(asObject(res.body).contract)));
};
