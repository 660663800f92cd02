import type { RunFn } from "../types.js";

/** `opentrain auth logout`: deletes the credentials file (the token is not revoked). */
export const run: RunFn = async (ctx) => {
  const sdk = await ctx.sdk();
  const path = sdk.credentialsPath(ctx.env);
  const removed = sdk.deleteCredentials(ctx.env);
  if (ctx.json) {
    ctx.printJson({ status: removed ? "logged_out" : "not_logged_in", credentialsPath: path });
    return;
  }
  if (!removed) {
    ctx.io.println(`No saved credentials at ${path}; nothing to do.`);
    return;
  }
  ctx.io.println(`Removed ${path}.`);
  ctx.io.println(
    'The token itself stays valid on the server. To revoke it, run "opentrain tokens revoke <tokenId>" with',
  );
  ctx.io.println(
    "that token (e.g. OT_API_TOKEN=<token>), or revoke it in the OpenTrain app under Settings → API keys.",
  );
};
