import { operations } from "@opentrain-ai/contract";
import type { Context } from "../../context.js";
import { UsageError } from "../../errors.js";

/** `--account-id`, or the account of the configured token (GET /auth/me). */
export async function accountIdFrom(ctx: Context, flag: unknown): Promise<string> {
  if (typeof flag === "string" && flag.trim() !== "") return flag.trim();
  const settings = await ctx.settings();
  if (!settings.token) {
    throw new UsageError("no account: pass --account-id <id>, or configure a token so its account is used");
  }
  const client = await ctx.clientFor(operations.authMe);
  const me = await client.call(operations.authMe, {});
  return me.account.id;
}
