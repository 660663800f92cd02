import { operations } from "@opentrain-ai/contract";
import { moneyCommand } from "../approvals/advice.js";
import { str } from "../approvals/render.js";
import { asObject } from "../jobs/common.js";
import { command } from "../jobs/render.js";
import type { RunFn } from "../types.js";
import { renderTopUp } from "./render.js";

const op = operations.creditsGetTopUp;

/** What a top-up's status means for the agent. */
const NEXT: Record<string, string> = {
  PENDING: 'Not paid yet: the human pays it at the checkout link printed by "opentrain credits top-up".',
  COMPLETED: `Paid: the credits are in the balance (${command(["credits", "show"])}).`,
  EXPIRED: `Expired unpaid; nothing was charged. Start a new one: ${command(["credits", "top-up"])} <usd>`,
  CANCELED: `Canceled; nothing was charged. Start a new one: ${command(["credits", "top-up"])} <usd>`,
};

/** `opentrain credits top-up-status <topUpId>` → GET /credits/top-ups/{id}. */
export const run: RunFn = moneyCommand(op, async (ctx, { body }) => {
  const t = asObject(body.topUp);
  ctx.io.out(renderTopUp(t));
  const next = NEXT[str(t.status) ?? ""];
  if (next) ctx.io.println(next);
});
