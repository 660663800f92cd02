import { operations } from "@opentrain-ai/contract";
import { checkRequired, collectInput, validateInput } from "../../flags.js";
import { asObject, isApiError, requestJob } from "../jobs/common.js";
import { command } from "../jobs/render.js";
import type { RunFn } from "../types.js";
import { renderProposal, renderTranscript } from "./render.js";

const op = operations.proposalsGet;

/**
 * `opentrain proposals get <proposalId> [--interview]` → GET /proposals/{id}; with --interview
 * also GET /proposals/{id}/interview (the transcript). `--json` prints the proposal answer, or
 * `{proposal, interview}` with --interview.
 */
export const run: RunFn = async (ctx, inv) => {
  const binding = inv.binding!;
  const input = await collectInput(binding, inv.opts, inv.args, ctx.io);
  checkRequired(binding, input);
  validateInput(binding, op, input);
  const id = String(input.proposalId);
  const res = await requestJob(ctx, op, input);
  const body = asObject(res.body);
  let interview: Record<string, unknown> | null = null;
  let interviewError: string | undefined;
  if (inv.opts.interview === true) {
    try {
      const ir = await requestJob(ctx, operations.proposalsInterview, { proposalId: id });
      const ib = asObject(ir.body);
      interview = asObject(ib.interview ?? ib);
    } catch (err) {
      if (!isApiError(err)) throw err;
      interviewError = `${err.status} ${err.code}: ${err.message}`;
    }
  }
  if (ctx.json) {
    ctx.printJson(inv.opts.interview === true ? { ...body, interview } : res.body);
    if (interviewError) ctx.io.eprintln(`Interview transcript not available (${interviewError}).`);
    return;
  }
  const io = ctx.io;
  const proposal = asObject(body.proposal);
  io.out(renderProposal(proposal));
  if (interview) {
    io.println();
    io.out(renderTranscript(interview));
  } else if (interviewError) {
    io.println();
    io.println(`Interview transcript not available (${interviewError}).`);
  } else {
    const ai = asObject(proposal.aiInterview);
    if (ai.transcriptAvailable === true) {
      io.println();
      io.println(`Transcript: ${command(["proposals", "get", id, "--interview"])}`);
    }
  }
  io.println();
  io.println(
    `Next step: ${command(["messages", "start-proposal-thread", id])} to message the candidate, or ${command(["proposals", "hire", id])} to request the hire.`,
  );
};
