import { operations } from "@opentrain-ai/contract";
import { moneyCommand } from "../approvals/advice.js";
import { objects, str } from "../approvals/render.js";
import { command } from "../jobs/render.js";
import type { RunFn } from "../types.js";
import { renderContracts } from "./render.js";

const op = operations.contractsList;

/** `opentrain contracts list [--job-id J] [--status active|ended]` → GET /contracts. */
export const run: RunFn = moneyCommand(op, async (ctx, { body }, input) => {
  const contracts = objects(body.contracts);
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
});
