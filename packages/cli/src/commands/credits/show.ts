import { operations } from "@opentrain-ai/contract";
import { requestMoney } from "../approvals/advice.js";
import { objects } from "../approvals/render.js";
import { asObject } from "../jobs/common.js";
import { command } from "../jobs/render.js";
import type { RunFn } from "../types.js";
import { renderBalance, renderLedger } from "./render.js";

const op = operations.creditsGet;

/** `opentrain credits show` → GET /credits: the balance in dollars and the latest ledger entries. */
export const run: RunFn = async (ctx) => {
  const res = await requestMoney(ctx, op, {});
  if (ctx.json) {
    ctx.printJson(res.body);
    return;
  }
  const c = asObject(asObject(res.body).credits);
  const io = ctx.io;
  io.out(renderBalance(c));
  const entries = objects(c.recentEntries);
  io.println();
  if (entries.length === 0) {
    io.println(`No ledger entries yet. Buy credits with: ${command(["credits", "top-up"])} <usd>`);
    return;
  }
  io.println(`Recent entries (newest first; all of them: ${command(["credits", "ledger"])}):`);
  io.out(renderLedger(io, entries));
};
