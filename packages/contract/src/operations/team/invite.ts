import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { emailSchema } from "../../schemas/common.js";
import { teamSchema } from "../../schemas/team.js";

export const teamInvite = defineOperation({
  id: "team.invite",
  resource: "team",
  summary: "Invite a human to the employer team",
  description:
    "Emails an invitation (invite_created), adds an existing OpenTrain user directly (member_added), or does nothing for a current member (already_member).",
  method: "POST",
  api: "public",
  path: "/team/invites",
  auth: "bearer",
  scope: "team:write",
  feature: "public_api_team",
  claim: "invite team members",
  input: z.object({ email: emailSchema.describe("Email of the human to invite") }),
  output: z.object({
    ok: z.literal(true),
    status: z.enum(["invite_created", "member_added", "already_member"]),
    email: z.string(),
    team: teamSchema,
  }),
  errors: ["BAD_REQUEST", "CONFLICT"],
  hints: { destructive: false, idempotent: true },
  tool: {
    name: "opentrain_invite_team_member",
    title: "Invite team member",
    description:
      "Invite a human to the employer team by email, giving them shared access to jobs and the team inbox once they accept. Inviting an existing member returns already_member; users with existing accounts are added directly (member_added).",
  },
  cli: { command: ["team", "invite"], positional: ["email"] },
});
