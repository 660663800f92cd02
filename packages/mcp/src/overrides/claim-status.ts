import { ApiError, updateCredentials } from "@opentrain-ai/sdk";
import { success } from "../results.js";
import { claimCompletedSummary, claimPendingSummary } from "../summaries/index.js";
import { obj, str } from "../summaries/types.js";
import { resolveClaimToken } from "./claim-token.js";
import { toOperationInput, type Override } from "./types.js";

/**
 * opentrain_claim_status: `authorization_pending` and `slow_down` are ordinary results (the
 * agent is expected to poll); on success the saved token is replaced by the post-claim one and
 * the claim token is dropped. Other OAuth errors propagate and become isError results.
 */
export const claimStatus: Override = async ({ tool, params, ctx }) => {
  const resolved = resolveClaimToken(params, ctx);
  if ("missing" in resolved) return resolved.missing;
  const { claimToken, saved } = resolved;
  const input = toOperationInput(tool, { ...params, claimToken });
  let res;
  try {
    res = await ctx.request(tool.op, input, { token: null });
  } catch (err) {
    if (err instanceof ApiError && (err.code === "authorization_pending" || err.code === "slow_down")) {
      const status = err.code === "authorization_pending" ? "pending" : "slow_down";
      return success(claimPendingSummary(status), { status, error: err.code, message: err.message });
    }
    throw err;
  }
  const body = obj(res.body) ?? {};
  const apiToken = str(body.access_token);
  if (!apiToken) throw new Error("the token response carried no access_token");
  // Keep a different saved claim token (one passed explicitly belongs to another registration).
  const dropClaim = !saved?.claimToken || saved.claimToken === claimToken;
  updateCredentials(
    {
      apiToken,
      claimToken: dropClaim ? null : undefined,
      baseUrl: saved?.baseUrl ? undefined : ctx.settings.baseUrl,
    },
    ctx.env,
  );
  const envTokenSet = Boolean(ctx.env.OPENTRAIN_PERSONAL_API_TOKEN?.trim());
  return success(claimCompletedSummary(res.body, { credentialsPath: ctx.credentialsPath, envTokenSet }), {
    status: "claimed",
    ...body,
  });
};
