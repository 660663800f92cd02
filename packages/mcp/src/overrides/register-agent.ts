import {
  DEFAULT_BASE_URL,
  normalizeBaseUrl,
  readCredentials,
  writeCredentials,
  type Credentials,
} from "@opentrain-ai/sdk";
import { failure, success } from "../results.js";
import { registerSummary } from "../summaries/index.js";
import { obj, str } from "../summaries/types.js";
import { toOperationInput, type Override } from "./types.js";

/**
 * opentrain_register_agent: refuses to replace saved credentials unless `force`, and always
 * writes `{ apiToken, claimToken, baseUrl }` to the shared file — even when
 * OPENTRAIN_PERSONAL_API_TOKEN is set (spec 40 §8.3).
 */
export const registerAgent: Override = async ({ tool, params, ctx }) => {
  const force = params.force === true;
  let existing: Credentials | null = null;
  let unreadable = false;
  try {
    existing = readCredentials(ctx.env);
  } catch (err) {
    if (!force) throw err;
    unreadable = true; // force overwrites a corrupt file too
  }
  const path = ctx.credentialsPath;
  if (!force && existing && (existing.apiToken || existing.claimToken)) {
    return failure({
      status: null,
      code: "credentials_exist",
      message: `Saved credentials already exist in ${path}; refusing to overwrite them.`,
      requestId: null,
      details: {
        credentialsPath: path,
        hasApiToken: Boolean(existing.apiToken),
        hasClaimToken: Boolean(existing.claimToken),
        ...(existing.baseUrl ? { baseUrl: existing.baseUrl } : {}),
      },
      hint: "Keep using the saved account (check it with opentrain_auth_status; continue a pending claim with opentrain_claim_account and opentrain_claim_status), or call opentrain_register_agent with force: true to create a brand-new account and overwrite the file (the old token keeps working until revoked).",
    });
  }

  const envBase = ctx.env.OPENTRAIN_API_BASE_URL?.trim();
  const baseUrl = unreadable ? normalizeBaseUrl(envBase || DEFAULT_BASE_URL) : ctx.settings.baseUrl;
  // Registration is tokenless: never send a bearer token with it.
  const res = await ctx.request(tool.op, toOperationInput(tool, params), { baseUrl, token: null });
  const body = obj(res.body) ?? {};
  const apiToken = str(body.access_token);
  const claimToken = str(body.claim_token);
  if (!apiToken) throw new Error("the registration response carried no access_token");
  const saved = writeCredentials({ apiToken, ...(claimToken ? { claimToken } : {}), baseUrl }, ctx.env);
  const envTokenSet = Boolean(ctx.env.OPENTRAIN_PERSONAL_API_TOKEN?.trim());
  return success(
    registerSummary(res.body, { credentialsPath: saved, envTokenSet, replaced: Boolean(existing) || unreadable }),
    res.body,
  );
};
