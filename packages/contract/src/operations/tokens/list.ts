import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { tokenRecordSchema } from "../../schemas/tokens.js";

export const tokensList = defineOperation({
  id: "tokens.list",
  resource: "tokens",
  summary: "List the account's API tokens",
  description: "All tokens of the caller on this account (active, expired and revoked), newest first. Never secrets.",
  method: "GET",
  api: "public",
  path: "/tokens",
  auth: "bearer",
  scope: null,
  input: z.object({}),
  output: z.object({ tokens: z.array(tokenRecordSchema) }),
  tool: {
    name: "opentrain_list_tokens",
    title: "List tokens",
    description:
      "List the account’s API tokens with masked previews, scopes, status, and last-used timestamps — secrets are never shown. No parameters. Requires: any valid token — token management needs no specific scope or feature flag.",
  },
  cli: { command: ["tokens", "list"] },
});
