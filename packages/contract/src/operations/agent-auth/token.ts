import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { claimTokenSchema } from "../../schemas/agent-auth.js";

export const agentAuthToken = defineOperation({
  id: "agentAuth.token",
  resource: "agentAuth",
  summary: "Poll for the post-claim token",
  description:
    "Answers authorization_pending until the human accepts the claim, then delivers the post-claim token exactly once and revokes every pre-claim token.",
  method: "POST",
  api: "agent",
  path: "/oauth/token",
  auth: "none",
  scope: null,
  encoding: "form",
  input: z.object({
    grant_type: z.string().describe("urn:opentrain:agent-auth:grant-type:claim"),
    claim_token: z.string().describe("ot_clm_ token from registration"),
  }),
  output: claimTokenSchema,
  errors: [
    "authorization_pending",
    "slow_down",
    "expired_token",
    "invalid_grant",
    "unsupported_grant_type",
    "invalid_request",
    "access_denied",
  ],
  hints: { destructive: false, idempotent: false },
  tool: {
    name: "opentrain_claim_status",
    title: "Claim status",
    description:
      "Check whether the human has completed the claim. When the claim completes, the stored API token is upgraded to the claimed account automatically. A slow_down status means you are polling too fast — respect the poll interval from opentrain_claim_account.",
    params: z.object({
      claimToken: z.string().optional().describe("Claim token to check; defaults to the saved one"),
    }),
    toInput: (p) => ({
      grant_type: "urn:opentrain:agent-auth:grant-type:claim",
      claim_token: p.claimToken as string,
    }),
  },
  cli: { command: ["auth", "claim-status"] },
});
