import { operations } from "@opentrain-ai/contract";
import { checkRequired, collectInput, validateInput } from "../../flags.js";
import { requestMoney } from "../approvals/advice.js";
import { objects, str } from "../approvals/render.js";
import { asObject } from "../jobs/common.js";
import { command } from "../jobs/render.js";
import type { RunFn } from "../types.js";
import { renderLedger } from "./render.js";

const op = operations.creditsLedger;

/** `opentrain credits ledger [--limit N] [--cursor C]` → GET /credits/ledger, newest first. */
export const run: RunFn = async (ctx, inv) => {
  const binding = inv.binding!;
  const input = await collectInput(binding, inv.opts, inv.args, ctx.io);
  checkRequired(binding, input);
  validateInput(binding, op, input);
  const res = await requestMoney(ctx, op, input);
  if (ctx.json) {
    ctx.printJson(res.body);
    return;
  }
  const body = asObject(res.body);
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
};
