import { formatUsd, operations } from "@opentrain-ai/contract";
import { readFile } from "node:fs/promises";
import { UsageError } from "../../errors.js";
import { checkRequired, collectInput, validateInput } from "../../flags.js";
import { requestMoney } from "../approvals/advice.js";
import { isObj, renderCoSign, str } from "../approvals/render.js";
import { asObject } from "../jobs/common.js";
import type { RunFn } from "../types.js";

const op = operations.proposalsHire;

/** A positive USD amount from `--amount`, or a usage error naming the flag. */
function parseAmount(flag: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(String(value).replace(/^\$/, "").replace(/,/g, ""));
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a positive amount in USD, e.g. 300`);
  return n;
}

/**
 * The first milestone from `--milestone <json>` and the single-field flags (which win):
 * `--amount`, `--name`, `--description` (or `--description-file`), `--due-date`.
 */
async function milestoneFrom(opts: Record<string, unknown>, readStdin: () => Promise<string>) {
  let base: Record<string, unknown> = {};
  if (typeof opts.milestone === "string") {
    try {
      const parsed: unknown = JSON.parse(opts.milestone);
      if (!isObj(parsed)) throw new Error("not an object");
      base = parsed;
    } catch {
      throw new UsageError('--milestone must be a JSON object, e.g. \'{"name":"Pilot","amount":300}\'');
    }
  }
  const amountFlag = opts.amount !== undefined ? "--amount" : "--amount-usd";
  const amount = parseAmount(amountFlag, opts.amount ?? opts.amountUsd);
  if (
    opts.amount !== undefined &&
    opts.amountUsd !== undefined &&
    parseAmount("--amount-usd", opts.amountUsd) !== amount
  )
    throw new UsageError("--amount and --amount-usd give different values; give only one");
  let description = typeof opts.description === "string" ? opts.description : undefined;
  if (typeof opts.descriptionFile === "string") {
    const path = opts.descriptionFile;
    try {
      description = path === "-" ? await readStdin() : await readFile(path, "utf8");
    } catch (err) {
      throw new UsageError(`cannot read ${path}: ${(err as Error).message}`);
    }
  }
  const m: Record<string, unknown> = { ...base };
  if (amount !== undefined) m.amount = amount;
  if (typeof opts.name === "string") m.name = opts.name;
  if (description !== undefined) m.description = description.trim();
  if (typeof opts.dueDate === "string") m.dueDate = opts.dueDate;
  if (m.amount === undefined)
    throw new UsageError("missing required flag --amount <usd> (the first milestone's amount)");
  if (!str(m.name) && !str(m.description)) {
    throw new UsageError("give the first milestone a --name or a --description");
  }
  return m;
}

/**
 * `opentrain proposals hire <proposalId> --amount <usd> --name <name>` → POST /proposals/{id}/hire.
 * Never hires or charges: prints the pending approval and its link for a signed-in human.
 */
export const run: RunFn = async (ctx, inv) => {
  const binding = inv.binding!;
  const input = await collectInput(binding, inv.opts, inv.args, ctx.io);
  input.milestone = await milestoneFrom(inv.opts, () => ctx.io.readStdin());
  checkRequired(binding, input);
  validateInput(binding, op, input);
  const res = await requestMoney(ctx, op, input);
  if (ctx.json) {
    ctx.printJson(res.body);
    return;
  }
  const body = asObject(res.body);
  const a = asObject(body.approval);
  const m = input.milestone as Record<string, unknown>;
  const amount = typeof m.amount === "number" ? formatUsd(m.amount) : "?";
  ctx.io.out(
    renderCoSign(ctx.io, body, `Hire requested for proposal ${str(a.proposalId) ?? String(input.proposalId)}.`, [
      ["Job", str(a.jobId) ?? "-"],
      [
        "First milestone",
        `${str(m.name) ?? str(m.description) ?? "-"}: ${amount}${str(m.dueDate) ? `, due ${str(m.dueDate)}` : ""}`,
      ],
      [
        "On confirm",
        `${amount} into escrow + 10% marketplace fee + $9.95 contract fee, by card or credits as the human picks (they may edit the milestone)`,
      ],
    ]),
  );
};
