import { operations } from "@opentrain-ai/contract";
import { checkRequired, collectInput, validateInput } from "../../flags.js";
import { asObject, requestJob } from "../jobs/common.js";
import { command } from "../jobs/render.js";
import type { RunFn } from "../types.js";
import { renderProposals } from "./render.js";

const op = operations.jobsListProposals;

/** `opentrain proposals list <jobId> [--status S] [--limit N] [--cursor C]` → GET /jobs/{jobId}/proposals. */
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
  const proposals = Array.isArray(body.proposals) ? (body.proposals as Record<string, unknown>[]) : [];
  const io = ctx.io;
  const jobId = String(input.jobId);
  if (proposals.length === 0) {
    io.println(input.status || input.cursor ? "No proposals match." : `No proposals on job ${jobId} yet.`);
  } else {
    io.out(renderProposals(io, proposals));
  }
  if (typeof body.nextCursor === "string") {
    const next = command([
      "proposals",
      "list",
      jobId,
      ...(input.status ? ["--status", String(input.status)] : []),
      ...(input.limit !== undefined ? ["--limit", String(input.limit)] : []),
      "--cursor",
      body.nextCursor,
    ]);
    io.println();
    io.println(`Next page: ${next}`);
  }
  if (proposals.length > 0) {
    io.println();
    io.println(`Next step: ${command(["proposals", "get", "<proposalId>"])} --interview`);
  }
};
