import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { authMeSchema } from "../../schemas/auth.js";

export const authMe = defineOperation({
  id: "auth.me",
  resource: "auth",
  summary: "Who the token belongs to",
  description: "The user, token and account behind the bearer token, including whether the account is claimed.",
  method: "GET",
  api: "public",
  path: "/auth/me",
  auth: "bearer",
  scope: null,
  input: z.object({}),
  output: authMeSchema,
  tool: {
    name: "opentrain_auth_status",
    title: "Auth status",
    description:
      "Confirm that the configured token can authenticate, and see the account’s user id, account type, claim state, and granted scopes. No parameters. Requires: any valid token.",
  },
  cli: { command: ["whoami"] },
});
