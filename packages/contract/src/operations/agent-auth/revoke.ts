import { z } from "zod";
import { defineOperation } from "../../define-operation.js";

export const agentAuthRevoke = defineOperation({
  id: "agentAuth.revoke",
  resource: "agentAuth",
  summary: "Revoke a token by value (RFC 7009)",
  description: "Always answers 200 {} so it never reveals whether a token exists.",
  method: "POST",
  api: "agent",
  path: "/oauth/revoke",
  auth: "none",
  scope: null,
  encoding: "form",
  input: z.object({
    token: z.string().describe("The ot_pat_ token to revoke"),
    token_type_hint: z.string().optional().describe("Accepted and ignored"),
  }),
  output: z.object({}),
  errors: ["invalid_request"],
  hints: { destructive: true, idempotent: true },
});
