import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { tokenRecordSchema } from "../../schemas/tokens.js";

export const sandboxTokensCreate = defineOperation({
  id: "sandbox.tokensCreate",
  resource: "sandbox",
  summary: "Mint a token as the human (Settings → API keys)",
  description: "Any scope, including payments:write and webhooks:manage. The account must be claimed.",
  method: "POST",
  api: "sandbox",
  path: "/accounts/{accountId}/tokens",
  auth: "sandbox",
  scope: null,
  successStatus: 201,
  input: z.object({
    accountId: z.string().min(1).max(64).describe("account.id from GET /auth/me"),
    name: z.string().trim().min(1).max(120).optional(),
    scopes: z.array(z.string()).min(1).describe("Scopes to grant"),
  }),
  output: z.object({ token: z.string(), tokenType: z.literal("bearer"), metadata: tokenRecordSchema }),
  errors: ["BAD_REQUEST", "NOT_FOUND", "CONFLICT"],
  hints: { destructive: false, idempotent: false },
  cli: { command: ["sandbox", "tokens", "create"] },
});
