import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { idParam } from "../../schemas/params.js";

export const sandboxTrainersApply = defineOperation({
  id: "sandbox.trainersApply",
  resource: "sandbox",
  summary: "Make a sandbox trainer apply to a job",
  description:
    "A proposal arrives on the published job as if the trainer applied (proposal.received fires). bid overrides the simulated bid.",
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
  output: z.looseObject({ proposalId: z.string(), jobId: z.string() }),
  errors: ["BAD_REQUEST", "NOT_FOUND", "CONFLICT"],
  hints: { destructive: false, idempotent: false },
  cli: { command: ["sandbox", "trainers", "apply"], positional: ["trainerId"] },
});
