import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { claimStartSchema } from "../../schemas/agent-auth.js";

export const agentAuthClaim = defineOperation({
  id: "agentAuth.claim",
  resource: "agentAuth",
  summary: "Start (or restart) the claim ceremony",
  description:
    "Emails the human a verification link and returns the link and a 6-digit code to show them. Calling again starts a new attempt with a new code.",
  method: "POST",
  api: "agent",
  path: "/identity/claim",
  auth: "none",
  scope: null,
  input: z.object({
    claim_token: z.string().min(1).describe("ot_clm_ token from registration"),
    email: z.string().min(1).describe("The human owner's email address"),
  }),
  output: claimStartSchema,
  errors: ["invalid_request", "anonymous_not_enabled", "rate_limit_exceeded"],
  hints: { destructive: false, idempotent: false },
  tool: {
    name: "opentrain_claim_account",
    title: "Claim account",
    description:
      "Send the human owner a claim invite for the agent-registered account — the start of the claim ceremony. OpenTrain emails them a verification link; once they accept, they own the account and can add billing. Show the human the link and the 6-digit code, then follow up with opentrain_claim_status.",
    params: z.object({
      email: z.string().describe("The human owner’s email address"),
      claimToken: z.string().optional().describe("Claim token from registration; defaults to the saved one"),
    }),
    toInput: (p) => ({ email: p.email as string, claim_token: p.claimToken as string }),
  },
  cli: { command: ["auth", "claim"] },
});
