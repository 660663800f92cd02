import { operations } from "@opentrain-ai/contract";
import { renderMe } from "../../output/renderers.js";
import type { RunFn } from "../types.js";

/** `opentrain whoami` / `opentrain auth status`: GET /auth/me, summarised. */
export const run: RunFn = async (ctx) => {
  const settings = await ctx.settings();
  const client = await ctx.clientFor(operations.authMe);
  const me = await client.call(operations.authMe, {});
  if (ctx.json) {
    ctx.printJson(me);
    return;
  }
  const source =
    settings.tokenSource === "env" ? "environment (OT_API_TOKEN / OPENTRAIN_API_TOKEN)" : "credentials file";
  ctx.io.out(
    renderMe(me, [
      ["Token from", source],
      ["Base URL", settings.baseUrl],
    ]),
  );
};
