import { operations } from "@opentrain-ai/contract";
import { checkRequired, collectInput, validateInput } from "../../flags.js";
import type { RunFn } from "../types.js";
import { asObject, requestJob } from "./common.js";
import { command } from "./render.js";

const op = operations.jobsInvite;

/** `opentrain jobs invite <jobId> <freelancerId>` → POST /jobs/{jobId}/invites. */
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
  const jobId = typeof body.jobId === "string" ? body.jobId : String(input.jobId);
  const who = typeof body.freelancerId === "string" ? body.freelancerId : String(input.freelancerId);
  const proposalId = typeof body.proposalId === "string" ? body.proposalId : "?";
  ctx.io.println(
    body.alreadyInvited === true
      ? `Freelancer ${who} was already invited to job ${jobId} (proposal ${proposalId}); nothing changed.`
      : `Invited freelancer ${who} to job ${jobId}: proposal ${proposalId}.`,
  );
  ctx.io.println(`Track it with: ${command(["proposals", "list", jobId])}`);
};
