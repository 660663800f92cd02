import { readCredentials, type Credentials } from "@opentrain-ai/sdk";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { ToolContext } from "../context.js";
import { failure } from "../results.js";

/** The claim token to use: the explicit parameter, else the saved one. */
export function resolveClaimToken(
  params: Record<string, unknown>,
  ctx: ToolContext,
): { claimToken: string; saved: Credentials | null } | { missing: CallToolResult } {
  const explicit =
    typeof params.claimToken === "string" && params.claimToken.trim() !== "" ? params.claimToken.trim() : undefined;
  let saved: Credentials | null = null;
  try {
    saved = readCredentials(ctx.env);
  } catch (err) {
    if (!explicit) throw err;
  }
  const claimToken = explicit ?? saved?.claimToken;
  if (claimToken) return { claimToken, saved };
  const path = ctx.credentialsPath;
  return {
    missing: failure({
      status: null,
      code: "claim_token_missing",
      message: `No claim token: none was passed as claimToken and none is saved in ${path}.`,
      requestId: null,
      details: { credentialsPath: path, hasApiToken: Boolean(saved?.apiToken) },
      hint: saved?.apiToken
        ? "The saved account may already be claimed (the claim token is dropped once the claim completes): check with opentrain_auth_status. Otherwise pass claimToken, or register with opentrain_register_agent (force: true)."
        : "Call opentrain_register_agent first — it saves the claim token — or pass claimToken from an earlier registration.",
    }),
  };
}
