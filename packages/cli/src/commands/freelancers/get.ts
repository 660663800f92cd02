import { operations } from "@opentrain-ai/contract";
import { checkRequired, collectInput, validateInput } from "../../flags.js";
import { asObject, requestJob } from "../jobs/common.js";
import { renderFreelancer } from "../proposals/render.js";
import type { RunFn } from "../types.js";

const op = operations.freelancersGet;

/** `opentrain freelancers get <idOrSlug>` → GET /freelancers/{idOrSlug}. */
export const run: RunFn = async (ctx, inv) => {
  const binding = inv.binding!;
  const input = await collectInput(binding, inv.opts, inv.args, ctx.io);
  checkRequired(binding, input);
  validateInput(binding, op, input);
  const res = await requestJob(ctx, op, input);
  if (ctx.json) {
    ctx.printJson(res.body);
    return;
  }
  ctx.io.out(renderFreelancer(asObject(asObject(res.body).freelancer)));
};
