import { operations } from "@opentrain-ai/contract";
import { checkRequired, collectInput, validateInput } from "../../flags.js";
import type { RunFn } from "../types.js";
import { asObject, requestJob } from "./common.js";

const op = operations.jobsClose;

/** `opentrain jobs close <jobId>` → POST /jobs/{jobId}/close. */
export const run: RunFn = async (ctx, inv) => {
  const binding = inv.binding!;
  const input = await collectInput(binding, inv.opts, inv.args, ctx.io);
  checkRequired(binding, input);
  validateInput(binding, op, input);
  const jobId = String(input.jobId);
  const res = await requestJob(ctx, op, input, { verb: "close", jobId });
  if (ctx.json) {
    ctx.printJson(res.body);
    return;
  }
  const body = asObject(res.body);
  const id = typeof body.jobId === "string" ? body.jobId : jobId;
  const status = typeof body.status === "string" ? body.status : "ARCHIVED";
  ctx.io.println(
    body.alreadyClosed === true
      ? `Job ${id} was already closed (${status}); nothing changed.`
      : `Closed job ${id}: status ${status}. It no longer accepts proposals and is off the marketplace; existing contracts continue.`,
  );
};
