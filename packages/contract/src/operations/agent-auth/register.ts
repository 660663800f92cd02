import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { registrationSchema } from "../../schemas/agent-auth.js";

export const agentAuthRegister = defineOperation({
  id: "agentAuth.register",
  resource: "agentAuth",
  summary: "Register a brand-new anonymous agent account",
  description:
    "Creates an unclaimed employer account, a pre-claim ot_pat_ token and a claim token. No credentials needed.",
  method: "POST",
  api: "agent",
  path: "/identity",
  auth: "none",
  scope: null,
  input: z.object({
    identity_type: z.string().optional().describe('Only "anonymous" is supported (the default)'),
    agent_name: z.string().trim().min(1).max(120).optional().describe("Label shown to the human on the claim page"),
    organization_name: z.string().trim().min(1).max(120).optional().describe("Name of the employer organization"),
  }),
  output: registrationSchema,
  errors: ["unsupported_identity_type", "anonymous_not_enabled", "rate_limit_exceeded", "invalid_request"],
  hints: { destructive: false, idempotent: false },
  tool: {
    name: "opentrain_register_agent",
    title: "Register agent",
    description:
      "Register a brand-new anonymous OpenTrain agent account — no prior credentials needed. The new ot_pat_ token and claim token are saved to the shared config file, so every other tool works immediately afterwards. Refuses to overwrite existing saved credentials unless force is set. Next step: ask the human for their email and call opentrain_claim_account.",
    params: z.object({
      agentName: z.string().optional().describe("Display name for the agent identity (e.g. “Claude Code”)"),
      organizationName: z.string().optional().describe("Name for the employer organization created with the account"),
      force: z.boolean().optional().describe("Overwrite existing saved credentials with a brand-new account"),
    }),
    toInput: (p) => ({
      identity_type: "anonymous",
      agent_name: p.agentName as string | undefined,
      organization_name: p.organizationName as string | undefined,
    }),
  },
  cli: { command: ["auth", "register"], aliases: { agent_name: ["name"], organization_name: ["org-name"] } },
});
