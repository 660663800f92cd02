import { operations } from "@opentrain-ai/contract";
import { checkRequired, collectInput, validateInput } from "../../flags.js";
import type { RunFn } from "../types.js";
import { asObject, requestJob } from "./common.js";
import { command } from "./render.js";

const op = operations.jobsPublish;

/**
 * `opentrain jobs publish <jobId>` → POST /jobs/{jobId}/publish. Not ready (400) prints the
 * questions still open; a moderation block (403) prints the reasons and what to fix.
 */
export const run: RunFn = async (ctx, inv) => {
  const binding = inv.binding!;
  const input = await collectInput(binding, inv.opts, inv.args, ctx.io);
  checkRequired(binding, input);
  validateInput(binding, op, input);
  const jobId = String(input.jobId);
  const res = await requestJob(ctx, op, input, { verb: "publish", jobId });
  if (ctx.json) {
    ctx.printJson(res.body);
    return;
  }
  const body = asObject(res.body);
  const id = typeof body.jobId === "string" ? body.jobId : jobId;
  const io = ctx.io;
  if (body.alreadyPublished === true) io.println(`Job ${id} was already published; nothing changed.`);
  else io.println(`Published job ${id}.`);
  io.println();
  io.println(`Status:   ${typeof body.status === "string" ? body.status : "OPEN"}`);
  if (typeof body.jobUrl === "string") io.println(`Job URL:  ${body.jobUrl}`);
  const warnings = Array.isArray(body.warnings) ? body.warnings.filter((w) => typeof w === "string") : [];
  if (warnings.length > 0) {
    io.println();
    io.println(`Warnings (improve them with "${command(["jobs", "update-published", id])} --set key=value"):`);
    for (const w of warnings) io.println(`  - ${w}`);
  }
  io.println();
  io.println(`Next step: watch for proposals with "${command(["proposals", "list", id])}".`);
};
