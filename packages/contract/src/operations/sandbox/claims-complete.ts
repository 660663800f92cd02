import { z } from "zod";
import { defineOperation } from "../../define-operation.js";

export const sandboxClaimsComplete = defineOperation({
  id: "sandbox.claimsComplete",
  resource: "sandbox",
  summary: "Complete a claim as the human",
  description:
    "Does what the human does on the claim page: signs up with the claim email and accepts the code. The next token poll succeeds.",
  method: "POST",
  api: "sandbox",
  path: "/claims/complete",
  auth: "sandbox",
  scope: null,
  input: z.object({
    userCode: z
      .string()
      .regex(/^\d{6}$/, "userCode is the 6-digit code")
      .optional(),
    verificationUri: z.string().optional().describe("The verification_uri from the claim start"),
  }),
  output: z.object({
    completed: z.literal(true),
    accountId: z.string(),
    userId: z.string(),
    email: z.string(),
  }),
  errors: ["BAD_REQUEST", "NOT_FOUND", "CONFLICT"],
  hints: { destructive: false, idempotent: false },
  cli: { command: ["sandbox", "claims", "complete"], positional: ["userCode"] },
});
