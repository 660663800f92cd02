import { operations } from "@opentrain-ai/contract";
import { UsageError } from "../../errors.js";
import { renderMe } from "../../output/renderers.js";
import type { RunFn } from "../types.js";

/** `opentrain auth login --api-key <token>` (or the token on stdin): verify, then save. */
export const run: RunFn = async (ctx, inv) => {
  const a = inv.opts.apiKey as string | undefined;
  const b = inv.opts.token as string | undefined;
  if (a !== undefined && b !== undefined && a !== b) {
    throw new UsageError("--api-key and --token give different values; give only one");
  }
  let token = (a ?? b)?.trim();
  if (token === undefined && !ctx.io.stdinIsTTY) token = (await ctx.io.readStdin()).trim();
  if (!token) throw new UsageError("missing required flag --api-key <token> (or pipe the token on stdin)");
  if (/\s/.test(token)) throw new UsageError("the token must be a single word such as ot_pat_…");

  const { baseUrl } = await ctx.settings();
  const client = await ctx.clientWith({ token, baseUrl });
  const me = await client.call(operations.authMe, {});
  const sdk = await ctx.sdk();
  // A new login replaces the file: a claim token saved for another account must not linger.
  const path = sdk.writeCredentials({ apiToken: token, baseUrl }, ctx.env);
  if (ctx.json) {
    ctx.printJson({ status: "logged_in", baseUrl, credentialsPath: path, me });
    return;
  }
  ctx.io.println(`Logged in. Token saved to ${path}.`);
  ctx.io.println();
  ctx.io.out(renderMe(me, [["Base URL", baseUrl]]));
};
