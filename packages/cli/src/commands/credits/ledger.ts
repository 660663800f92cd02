import { operations } from "@opentrain-ai/contract";
import { moneyCommand } from "../approvals/advice.js";
import { objects, str } from "../approvals/render.js";
import { command } from "../jobs/render.js";
import type { RunFn } from "../types.js";
import { renderLedger } from "./render.js";

const op = operations.creditsLedger;

/** `opentrain credits ledger [--limit N] [--cursor C]` → GET /credits/ledger, newest first. */
export const run: RunFn = moneyCommand(op, async (ctx, { body }, input) => {
  const entries = objects(body.entries);
  const io = ctx.io;
  if (entries.length === 0) io.println(input.cursor ? "No older entries." : "No ledger entries yet.");
  else io.out(renderLedger(io, entries));
  const cursor = str(body.nextCursor);
  if (cursor) {
    io.println();
    io.println(
      `Older entries: ${command(["credits", "ledger", ...(input.limit !== undefined ? ["--limit", String(input.limit)] : []), "--cursor", cursor])}`,
    );
  }
});
