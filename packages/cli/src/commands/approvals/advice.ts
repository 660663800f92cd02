import { exitCodeFor, type Operation } from "@opentrain-ai/contract";
import type { Context } from "../../context.js";
import { ExitSignal, formatApiError } from "../../errors.js";
import { checkRequired, collectInput, validateInput } from "../../flags.js";
import { asObject, isApiError, type ApiErrorLike } from "../jobs/common.js";
import { command } from "../jobs/render.js";
import type { RunFn } from "../types.js";

/**
 * What to do about the errors of the money commands whose fix is known: the billing link when a
 * payment method is missing, the override flag for a "Not a fit" proposal, the command that fits a
 * milestone's state, and how to get a token that may move money. Empty when there is nothing to add.
 */
export function moneyErrorAdvice(err: ApiErrorLike): string[] {
  const d = err.details ?? {};
  const s = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
  const reason = s(d.reason);
  if (err.code === "PAYMENT_DECLINED") {
    return ["The card was declined and nothing was charged. A human can add another card on the billing page."];
  }
  const required = Array.isArray(d.requiredScopes) ? d.requiredScopes : [];
  if (err.code === "FORBIDDEN" && required.includes("payments:write")) {
    return [
      "Agent tokens never carry payments:write, even after the claim. A human mints a token with payments:write in the",
      'OpenTrain app (Settings → API keys); use it with OT_API_TOKEN=<token> or "opentrain auth login --api-key <token>".',
    ];
  }
  switch (reason) {
    case "payment_method_required":
      return [
        "The account has no payment method and its credit balance does not cover this.",
        ...(s(d.billingUrl) ? [`A human can add a card at: ${s(d.billingUrl)}`] : []),
        `Or buy credits: ${command(["credits", "top-up"])} <usd> (a human pays the checkout link).`,
        "Then run this command again.",
      ];
    case "not_fit_confirmation_required":
      return [
        'The proposal is marked "Not a fit". If the hire is intended, run again with --confirm-not-fit-override.',
      ];
    case "already_accepted":
      return [
        `The proposal is already hired: ${s(d.contractId) ? command(["contracts", "get", s(d.contractId)]) : command(["contracts", "list", ...(s(d.jobId) ? ["--job-id", s(d.jobId)!] : [])])}`,
      ];
    case "milestone_not_fundable":
      return [
        `Only a NOT_FUNDED milestone can be funded${s(d.status) ? `; this one is ${s(d.status)}` : ""}.${s(d.contractId) ? ` See: ${command(["contracts", "get", s(d.contractId)])}` : ""}`,
      ];
    case "milestone_not_funded":
      return [
        `The milestone is not funded yet: ${s(d.milestoneId) ? command(["milestones", "fund", s(d.milestoneId)]) : "fund it first"}`,
      ];
    case "contract_ended":
      return ["The contract has ended; nothing more can change on it."];
    case "contract_rate_missing":
      return ["The contract has no rate to multiply the volume by: give --amount-usd instead."];
    default:
      return [];
  }
}

/**
 * Calls `op`; an error with money advice is printed (error line, details, advice) and ends the
 * command with the error's exit code. Other errors propagate to the standard reporting.
 */
export async function requestMoney(
  ctx: Context,
  op: Operation,
  input: Record<string, unknown>,
): Promise<{ status: number; body: unknown }> {
  const client = await ctx.clientFor(op);
  try {
    const res = await client.request(op, input as never);
    return { status: res.status, body: res.body };
  } catch (err) {
    if (!isApiError(err)) throw err;
    const extra = moneyErrorAdvice(err);
    if (extra.length === 0) throw err;
    for (const line of formatApiError(err)) ctx.io.eprintln(line);
    for (const line of extra) ctx.io.eprintln(line);
    throw new ExitSignal(exitCodeFor(err.code, err.status));
  }
}

/**
 * The shape every money command shares: the operation's input from flags and arguments
 * (checked and validated), the request with money advice on errors, the API body unchanged
 * under `--json`, else `render` with the body as an object.
 */
export function moneyCommand(
  op: Operation,
  render: (
    ctx: Context,
    res: { status: number; body: Record<string, unknown> },
    input: Record<string, unknown>,
  ) => void | Promise<void>,
): RunFn {
  return async (ctx, inv) => {
    const binding = inv.binding!;
    const input = await collectInput(binding, inv.opts, inv.args, ctx.io);
    checkRequired(binding, input);
    validateInput(binding, op, input);
    const res = await requestMoney(ctx, op, input);
    if (ctx.json) {
      ctx.printJson(res.body);
      return;
    }
    await render(ctx, { status: res.status, body: asObject(res.body) }, input);
  };
}
