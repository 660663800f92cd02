import { operations } from "@opentrain-ai/contract";
import { UsageError } from "../../errors.js";
import { validateInput } from "../../flags.js";
import { renderTokens } from "../../output/renderers.js";
import type { RunFn } from "../types.js";
import { accountIdFrom } from "./account.js";

const op = operations.sandboxTokensCreate;

/** `opentrain sandbox tokens create --scopes a,b [--name n] [--account-id id]` */
export const run: RunFn = async (ctx, inv) => {
  const scopes = (inv.opts.scopes as string[] | undefined) ?? [];
  if (scopes.length === 0) throw new UsageError("missing required flag --scopes <list>");
  const sandboxSecret = ctx.sandboxSecret(inv.opts.sandboxSecret as string | undefined);
  const accountId = await accountIdFrom(ctx, inv.opts.accountId);
  const input: Record<string, unknown> = { accountId, scopes };
  if (inv.opts.name !== undefined) input.name = inv.opts.name;
  validateInput(null, op, input);
  const client = await ctx.clientFor(op, { sandboxSecret });
  const res = await client.call(op, input as { accountId: string; scopes: string[]; name?: string });
  if (ctx.json) {
    ctx.printJson(res);
    return;
  }
  ctx.io.println(`Token minted for account ${accountId}. It is shown only once:`);
  ctx.io.println();
  ctx.io.println(`  ${ctx.io.bold(res.token)}`);
  ctx.io.println();
  ctx.io.out(renderTokens(ctx.io, [res.metadata]));
};
