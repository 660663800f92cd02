import { operations } from "@opentrain-ai/contract";
import { UsageError } from "../../errors.js";
import { checkRequired, collectInput, validateInput } from "../../flags.js";
import { asObject, requestJob } from "../jobs/common.js";
import { command } from "../jobs/render.js";
import type { RunFn } from "../types.js";
import { renderThread } from "./render.js";

const op = operations.messagesList;

/** `opentrain messages read <conversationId> [--direction older|newer] [--limit N] [--cursor C]` → GET /messages. */
export const run: RunFn = async (ctx, inv) => {
  const binding = inv.binding!;
  const input = await collectInput(binding, inv.opts, inv.args, ctx.io);
  checkRequired(binding, input);
  if (input.conversationId === undefined) {
    throw new UsageError(
      'missing <conversation-id>: give it as an argument (list conversations with "opentrain messages list")',
    );
  }
  validateInput(binding, op, input);
  const res = await requestJob(ctx, op, input);
  if (ctx.json) {
    ctx.printJson(res.body);
    return;
  }
  const body = asObject(res.body);
  const io = ctx.io;
  const direction = typeof input.direction === "string" ? input.direction : undefined;
  io.out(renderThread(body, direction));
  const id = String(input.conversationId);
  if (typeof body.nextCursor === "string") {
    const next = command([
      "messages",
      "read",
      id,
      ...(direction ? ["--direction", direction] : []),
      ...(input.limit !== undefined ? ["--limit", String(input.limit)] : []),
      "--cursor",
      body.nextCursor,
    ]);
    io.println();
    io.println(`${direction === "newer" ? "Newer" : "Older"} messages: ${next}`);
  }
  const conv = asObject(body.conversation);
  if (conv.readOnly !== true) {
    io.println();
    io.println(`Reply: ${command(["messages", "send", id, "<text>"])}`);
  }
};
