import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { tokenRecordSchema } from "../../schemas/tokens.js";

export const tokensRevoke = defineOperation({
  id: "tokens.revoke",
  resource: "tokens",
  summary: "Revoke an API token by id",
  description: "Immediate and irreversible. Revoking an already revoked token returns the record unchanged.",
  method: "DELETE",
  api: "public",
  path: "/tokens/{tokenId}",
  auth: "bearer",
  scope: null,
  input: z.object({ tokenId: z.string().min(1).max(64).describe("Id of the token to revoke") }),
  output: z.object({ token: tokenRecordSchema }),
  errors: ["NOT_FOUND"],
  hints: { destructive: true, idempotent: true },
  tool: {
    name: "opentrain_revoke_token",
    title: "Revoke token",
    description: "Revoke an API token by id. Irreversible — the token stops working immediately.",
  },
  cli: { command: ["tokens", "revoke"], positional: ["tokenId"] },
});
