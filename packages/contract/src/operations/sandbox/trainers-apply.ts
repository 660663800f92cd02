import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { idParam } from "../../schemas/params.js";

export const sandboxTrainersApply = defineOperation({
  id: "sandbox.trainersApply",
  resource: "sandbox",
  summary: "Make a sandbox trainer apply to a job",
  description:
    "A proposal arrives on the published job as if the trainer applied, with the simulated cover note, AI interview, match score, verification and assessment (proposal.received fires). bid.amountUsd overrides the simulated bid; bid.unit must be the job's (PER_HOUR, PER_LABEL or FIXED_PRICE). A pending invitation of the trainer is accepted instead (200). 404 for an unknown trainer or job; 409 details.reason job_not_published, freelancer_unavailable or already_applied (with proposalId).",
  method: "POST",
  api: "sandbox",
  path: "/trainers/{trainerId}/proposals",
  auth: "sandbox",
  scope: null,
  successStatus: 201,
  input: z.object({
    trainerId: idParam("Sandbox trainer user id"),
    jobId: idParam("Published job id"),
    bid: z
      .looseObject({
        amountUsd: z.number().positive().optional(),
        unit: z.string().optional(),
      })
      .optional()
      .describe("Bid terms (open shape; defaults from the job)"),
  }),
  output: z.looseObject({
    ok: z.literal(true),
    proposalId: z.string(),
    jobId: z.string(),
    trainerId: z.string(),
    invitationAccepted: z.boolean().describe("true when a pending invitation was accepted instead (200)"),
  }),
  errors: ["BAD_REQUEST", "NOT_FOUND", "CONFLICT"],
  hints: { destructive: false, idempotent: false },
  cli: { command: ["sandbox", "trainers", "apply"], positional: ["trainerId"] },
});
