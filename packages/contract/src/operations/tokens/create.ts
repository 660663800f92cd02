import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { isoTimestamp } from "../../schemas/common.js";
import { tokenRecordSchema } from "../../schemas/tokens.js";

export const tokensCreate = defineOperation({
  id: "tokens.create",
  resource: "tokens",
  summary: "Mint a new API token (HTTP only)",
  description:
    "Creates a token whose scopes never exceed the caller's. The secret is returned only in this response. At most 25 active tokens per account.",
  method: "POST",
  api: "public",
  path: "/tokens",
  auth: "bearer",
  scope: null,
  successStatus: 201,
  input: z.object({
    name: z.string().trim().min(1).max(120).optional().describe('Label, 1–120 characters (default "API token")'),
    scopes: z.array(z.string()).optional().describe("Scopes to grant; each must be covered by the caller's"),
    expiresAt: isoTimestamp.optional().describe("Expiry in the future; default never"),
  }),
  output: z.object({
    token: z.string().describe("The secret, shown only here"),
    tokenType: z.literal("bearer"),
    metadata: tokenRecordSchema,
  }),
  errors: ["BAD_REQUEST", "FORBIDDEN", "CONFLICT"],
  hints: { destructive: false, idempotent: false },
});
