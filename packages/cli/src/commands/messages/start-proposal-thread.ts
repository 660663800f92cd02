import { operations } from "@opentrain-ai/contract";
import { checkRequired, collectInput, validateInput } from "../../flags.js";
import { asObject, requestJob } from "../jobs/common.js";
import { command } from "../jobs/render.js";
import type { RunFn } from "../types.js";

const op = operations.proposalsStartConversation;

/** `opentrain messages start-proposal-thread <proposalId>` → POST /proposals/{id}/conversation. */
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
  const conv = typeof body.conversationId === "string" ? body.conversationId : "?";
  const proposal = typeof body.proposalId === "string" ? body.proposalId : String(input.proposalId);
  ctx.io.println(
    body.created === false
      ? `Conversation ${conv} for proposal ${proposal} already existed.`
      : `Started conversation ${conv} for proposal ${proposal}.`,
  );
  ctx.io.println(`Conversation ID: ${conv}`);
  ctx.io.println(`Next step: ${command(["messages", "send", conv, "<text>"])} (the candidate can write once you have)`);
};
