import { operations } from "@opentrain-ai/contract";
import { checkRequired, collectInput, validateInput } from "../../flags.js";
import type { RunFn } from "../types.js";
import { asObject, requestJob } from "./common.js";
import { command, renderMyJobs } from "./render.js";

const op = operations.jobsMine;

/** `opentrain jobs list [--status S] [--limit N] [--cursor C]` → GET /jobs/mine. */
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
  const body = asObject(res.body);
  const jobs = Array.isArray(body.jobs) ? (body.jobs as Record<string, unknown>[]) : [];
  const io = ctx.io;
  if (jobs.length === 0) {
    io.println(
      input.status || input.cursor ? "No jobs match." : 'No jobs yet. Draft one with "opentrain jobs draft create".',
    );
  } else {
    io.out(renderMyJobs(io, jobs));
  }
  if (typeof body.nextCursor === "string") {
    const next = command([
      "jobs",
      "list",
      ...(input.status ? ["--status", String(input.status)] : []),
      ...(input.limit !== undefined ? ["--limit", String(input.limit)] : []),
      "--cursor",
      body.nextCursor,
    ]);
    io.println();
    io.println(`Next page: ${next}`);
  }
};
