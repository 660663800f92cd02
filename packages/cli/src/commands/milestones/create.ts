import { operations } from "@opentrain-ai/contract";
import { renderPairs } from "../../output/table.js";
import { moneyCommand } from "../approvals/advice.js";
import { num, str, usdOrDash } from "../approvals/render.js";
import { asObject } from "../jobs/common.js";
import { command } from "../jobs/render.js";
import type { RunFn } from "../types.js";

const op = operations.milestonesCreate;

/**
 * `opentrain milestones create <contractId> --description <text> [--amount-usd N | --volume N]`
 * → POST /contracts/{id}/milestones. No money moves: the milestone starts NOT_FUNDED.
 */
export const run: RunFn = moneyCommand(op, async (ctx, { body }, input) => {
  const m = asObject(body.milestone);
  const id = str(m.id) ?? "?";
  const io = ctx.io;
  io.println(
    `Created milestone ${id}${num(m.milestoneNumber) ? ` (#${num(m.milestoneNumber)})` : ""} on contract ${String(input.contractId)}: ${str(m.status) ?? "NOT_FUNDED"}, no money moved.`,
  );
  const pairs: [string, string][] = [];
  if (str(m.name)) pairs.push(["Name", str(m.name)!]);
  pairs.push(["Description", str(m.description) ?? "-"], ["Amount", usdOrDash(m.amountUsd)]);
  if (num(m.volume) !== undefined) pairs.push(["Volume", String(num(m.volume))]);
  if (str(m.dueDate)) pairs.push(["Due", str(m.dueDate)!]);
  io.out(renderPairs(pairs));
  io.println(`Next step: ${command(["milestones", "fund", id])} (a human confirms the funding)`);
});
