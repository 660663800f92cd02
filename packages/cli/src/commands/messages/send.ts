import { operations } from "@opentrain-ai/contract";
import { checkRequired, collectInput, validateInput } from "../../flags.js";
import { asObject, requestJob } from "../jobs/common.js";
import { command } from "../jobs/render.js";
import type { RunFn } from "../types.js";

const op = operations.messagesSend;

/** `opentrain messages send <conversationId> <text>` (or --content / --content-file) → POST /messages. */
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
  const message = asObject(asObject(res.body).message);
  const conv = typeof message.conversationId === "string" ? message.conversationId : String(input.conversationId);
  ctx.io.println(
    `Sent message ${typeof message.id === "string" ? message.id : "?"} to conversation ${conv}${typeof message.createdAt === "string" ? ` at ${message.createdAt}` : ""}.`,
  );
  ctx.io.println(`Read replies: ${command(["messages", "read", conv])}`);
};
