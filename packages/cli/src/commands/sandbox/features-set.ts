import { FEATURE_FLAGS, isFeatureFlag, operations } from "@opentrain-ai/contract";
import { UsageError } from "../../errors.js";
import { validateInput } from "../../flags.js";
import { renderTable } from "../../output/table.js";
import type { RunFn } from "../types.js";
import { accountIdFrom } from "./account.js";

const op = operations.sandboxFeaturesSet;

const ON = new Set(["on", "true", "1", "yes", "enable", "enabled"]);
const OFF = new Set(["off", "false", "0", "no", "disable", "disabled"]);

/** `public_api_hiring=off` pairs → `{ public_api_hiring: false }`. */
export function parseFeaturePairs(pairs: readonly string[]): Record<string, boolean> {
  if (pairs.length === 0) throw new UsageError("give at least one <flag>=on|off pair");
  const out: Record<string, boolean> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new UsageError(`"${pair}" is not <flag>=on|off`);
    const flag = pair.slice(0, eq).trim();
    const value = pair
      .slice(eq + 1)
      .trim()
      .toLowerCase();
    if (!isFeatureFlag(flag))
      throw new UsageError(`unknown feature flag "${flag}"; known flags: ${FEATURE_FLAGS.join(", ")}`);
    if (ON.has(value)) out[flag] = true;
    else if (OFF.has(value)) out[flag] = false;
    else throw new UsageError(`"${pair}": the value must be on, off, true or false`);
  }
  return out;
}

/** `opentrain sandbox features set [--account-id id] flag=on|off ...` */
export const run: RunFn = async (ctx, inv) => {
  const flags = parseFeaturePairs((inv.args[0] as string[] | undefined) ?? []);
  const sandboxSecret = ctx.sandboxSecret(inv.opts.sandboxSecret as string | undefined);
  const accountId = await accountIdFrom(ctx, inv.opts.accountId);
  const input = { accountId, ...flags };
  validateInput(null, op, input);
  const client = await ctx.clientFor(op, { sandboxSecret });
  const res = await client.call(op, input);
  if (ctx.json) {
    ctx.printJson(res);
    return;
  }
  ctx.io.println(`Feature flags of account ${res.accountId}:`);
  ctx.io.out(
    renderTable(ctx.io, {
      headers: ["FEATURE", "STATE", ""],
      rows: Object.entries(res.features).map(([k, v]) => [k, v ? "on" : "off", k in flags ? "(changed)" : ""]),
    }),
  );
};
