import { operations } from "@opentrain-ai/contract";
import { checkRequired, collectInput, validateInput } from "../../flags.js";
import { requestMoney } from "../approvals/advice.js";
import { objects, str } from "../approvals/render.js";
import { asObject } from "../jobs/common.js";
import { command } from "../jobs/render.js";
import type { RunFn } from "../types.js";
import { renderContracts } from "./render.js";

const op = operations.contractsList;

/** `opentrain contracts list [--job-id J] [--status active|ended]` → GET /contracts. */
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
  const contracts = objects(asObject(res.body).contracts);
  const io = ctx.io;
  if (contracts.length === 0) {
    io.println(
      input.jobId || input.status ? "No contracts match." : 'No contracts yet: hire with "opentrain proposals hire".',
    );
    return;
  }
  io.out(renderContracts(io, contracts));
  io.println();
  io.println(`Next step: ${command(["contracts", "get", str(contracts[0]!.id) ?? "<contractId>"])}`);
};
