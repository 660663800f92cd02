import { formatCents, operations } from "@opentrain-ai/contract";
import { renderPairs } from "../../output/table.js";
import { moneyCommand } from "../approvals/advice.js";
import { num, str } from "../approvals/render.js";
import { asObject } from "../jobs/common.js";
import { command } from "../jobs/render.js";
import type { RunFn } from "../types.js";

const op = operations.creditsCreateTopUp;

/**
 * `opentrain credits top-up <amountUsd>` → POST /credits/top-ups. Charges nothing: prints the
 * checkout link a signed-in human pays.
 */
export const run: RunFn = moneyCommand(op, async (ctx, { body }) => {
  const t = asObject(body.topUp);
  const id = str(body.topUpId) ?? str(t.id) ?? "?";
  const amount = num(t.amountCents);
  const io = ctx.io;
  io.println(
    `Top-up ${id}${amount === undefined ? "" : ` for ${formatCents(amount)}`} created: nothing is charged until a human pays it.`,
  );
  io.println("A signed-in human pays it on the checkout page:");
  io.println();
  io.println(`  ${io.bold(str(body.checkoutUrl) ?? "-")}`);
  io.println();
  io.out(
    renderPairs([
      ["Status", str(t.status) ?? "PENDING"],
      ["Expires", str(body.expiresAt) ?? str(t.expiresAt) ?? "-"],
    ]),
  );
  io.println(`Then check: ${command(["credits", "top-up-status", id])}`);
});
