import { operations } from "@opentrain-ai/contract";
import { collectInput, validateInput } from "../../flags.js";
import { asObject, requestJob } from "../jobs/common.js";
import { command } from "../jobs/render.js";
import type { RunFn } from "../types.js";
import { renderConversations } from "./render.js";

const op = operations.messagesList;

/**
 * `opentrain messages list [--filter all|job|proposal] [--unread-only]` and `messages unread`
 * (the same with --unread-only) → GET /messages without conversationId.
 */
export async function listConversations(...[ctx, inv, unreadOnly]: [...Parameters<RunFn>, boolean]): Promise<void> {
  const binding = inv.binding!;
  const input = await collectInput(binding, inv.opts, inv.args, ctx.io);
  if (unreadOnly) input.unreadOnly = true;
  validateInput(binding, op, input);
  const res = await requestJob(ctx, op, input);
  if (ctx.json) {
    ctx.printJson(res.body);
    return;
  }
  const body = asObject(res.body);
  const conversations = Array.isArray(body.conversations) ? (body.conversations as Record<string, unknown>[]) : [];
  const io = ctx.io;
  if (conversations.length === 0) {
    io.println(input.unreadOnly === true ? "No unread conversations." : "No conversations.");
  } else {
    io.out(renderConversations(io, conversations));
  }
  if (typeof body.nextCursor === "string") {
    const next = command([
      "messages",
      unreadOnly ? "unread" : "list",
      ...(input.filter ? ["--filter", String(input.filter)] : []),
      ...(!unreadOnly && input.unreadOnly === true ? ["--unread-only"] : []),
      ...(input.limit !== undefined ? ["--limit", String(input.limit)] : []),
      "--cursor",
      body.nextCursor,
    ]);
    io.println();
    io.println(`Next page: ${next}`);
  }
  if (conversations.length > 0) {
    io.println();
    io.println(`Read one: ${command(["messages", "read", "<conversationId>"])}`);
  }
}

export const run: RunFn = (ctx, inv) => listConversations(ctx, inv, false);
