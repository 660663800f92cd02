import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { teamSchema } from "../../schemas/team.js";

export const teamGet = defineOperation({
  id: "team.get",
  resource: "team",
  summary: "Read the employer team",
  description: "Organization, members with roles and pending email invites.",
  method: "GET",
  api: "public",
  path: "/team",
  auth: "bearer",
  scope: "team:read",
  feature: "public_api_team",
  input: z.object({}),
  output: z.object({ team: teamSchema }),
  tool: {
    name: "opentrain_get_team",
    title: "Get team",
    description:
      "Read the employer team: organization, members with roles, and pending email invites. No parameters. Requires: team:read + the public_api_team feature.",
  },
  cli: { command: ["team", "show"] },
});
