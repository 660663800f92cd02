import { operations } from "@opentrain-ai/contract";
import { collectInput, validateInput } from "../../flags.js";
import { command } from "../jobs/render.js";
import type { RunFn } from "../types.js";
import { followUpdates, intervalMs } from "./follow.js";
import { eventLine } from "./render.js";

const op = operations.updatesPoll;

/**
 * `opentrain updates poll [--cursor N] [--limit N]`: one page of GET /updates, a line per event
 * and the cursor for next time. `--follow` keeps polling and prints events as they come
 * (with --json: one JSON event per line) until Ctrl-C, then prints the cursor to resume from.
 */
export const run: RunFn = async (ctx, inv) => {
  const binding = inv.binding!;
  const input = await collectInput(binding, inv.opts, inv.args, ctx.io);
  validateInput(binding, op, input);
  const io = ctx.io;
  if (inv.opts.follow !== true) {
    if (inv.opts.interval !== undefined) intervalMs(inv.opts.interval); // still reject a bad value
    const client = await ctx.clientFor(op);
    const page = await client.call(op, input as never);
    if (ctx.json) {
      ctx.printJson(page);
      return;
    }
    if (page.events.length === 0) io.println(input.cursor ? "No new events." : "No events yet.");
    for (const e of page.events) io.println(eventLine(e));
    if (page.nextCursor) {
      io.println();
      const next = command(["updates", "poll", "--cursor", page.nextCursor]);
      io.println(
        page.hasMore
          ? `More events are waiting: ${next}`
          : `Next cursor: ${page.nextCursor} (poll again later: ${next})`,
      );
    }
    return;
  }

  const every = intervalMs(inv.opts.interval);
  const client = await ctx.clientFor(op);
  const stop = new AbortController();
  const unregister = ctx.onInterrupt(() => stop.abort());
  const start = typeof input.cursor === "string" ? input.cursor : undefined;
  io.eprintln(
    `Following events ${start ? `after ${start}` : "from the beginning"}, polling every ${every / 1000} s. Press Ctrl-C to stop.`,
  );
  try {
    const last = await followUpdates(client, {
      cursor: start,
      limit: typeof input.limit === "number" ? input.limit : undefined,
      intervalMs: every,
      signal: stop.signal,
      onEvent: (e) => io.println(ctx.json ? JSON.stringify(e) : eventLine(e)),
      onTransientError: (err) => io.eprintln(`Warning: ${err.message}; polling again in ${every / 1000} s.`),
    });
    io.eprintln(
      last
        ? `Stopped. Resume with: ${command(["updates", "poll", "--follow", "--cursor", last])}`
        : "Stopped before any event arrived.",
    );
  } finally {
    unregister();
  }
};
