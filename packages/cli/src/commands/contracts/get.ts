import { operations } from "@opentrain-ai/contract";
import { moneyCommand } from "../approvals/advice.js";
import { asObject } from "../jobs/common.js";
import type { RunFn } from "../types.js";
import { renderContract } from "./render.js";

const op = operations.contractsGet;

/** `opentrain contracts get <contractId>` → GET /contracts/{id}: milestones and budget in dollars. */
export const run: RunFn = moneyCommand(op, async (ctx, { body }) => {
  ctx.io.out(renderContract(ctx.io, asObject(body.contract)));
});
