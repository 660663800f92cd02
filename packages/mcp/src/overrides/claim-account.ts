import { success } from "../results.js";
import { claimAccountSummary } from "../summaries/index.js";
import { resolveClaimToken } from "./claim-token.js";
import { toOperationInput, type Override } from "./types.js";

/** opentrain_claim_account: the claim token defaults to the saved one. */
export const claimAccount: Override = async ({ tool, params, ctx }) => {
  const resolved = resolveClaimToken(params, ctx);
  if ("missing" in resolved) return resolved.missing;
  const input = toOperationInput(tool, { ...params, claimToken: resolved.claimToken });
  const res = await ctx.request(tool.op, input, { token: null });
  return success(claimAccountSummary(res.body, { email: String(params.email) }), res.body);
};
