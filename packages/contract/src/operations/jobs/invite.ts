import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { inviteResultSchema } from "../../schemas/jobs.js";
import { idParam } from "../../schemas/params.js";

export const jobsInvite = defineOperation({
  id: "jobs.invite",
  resource: "jobs",
  summary: "Invite an AI trainer to a published job",
  description:
    "Creates an invited proposal for the trainer on one of your published jobs: 201 when new, 200 with alreadyInvited: true when the trainer was already invited. 409 details.reason: job_not_published, not_a_freelancer or freelancer_unavailable.",
  method: "POST",
  api: "public",
  path: "/jobs/{jobId}/invites",
  auth: "bearer",
  scope: "proposals:write",
  feature: "public_api_hiring",
  claim: "invite AI trainers",
  successStatus: 201,
  input: z.object({
    jobId: idParam("Published job id"),
    freelancerId: idParam("AI trainer user id to invite"),
  }),
  output: inviteResultSchema,
  errors: ["BAD_REQUEST", "NOT_FOUND", "CONFLICT"],
  hints: { destructive: false, idempotent: true },
  tool: {
    name: "opentrain_invite_freelancer",
    title: "Invite freelancer",
    toolset: "proposals",
    description:
      "Invite an AI trainer to a published job, creating a proposal they can respond to. Idempotent: re-inviting the same person returns the existing proposal with alreadyInvited: true.",
  },
  cli: { command: ["jobs", "invite"], positional: ["jobId", "freelancerId"] },
});
