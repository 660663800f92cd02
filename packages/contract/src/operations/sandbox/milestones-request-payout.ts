import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { idParam } from "../../schemas/params.js";

export const sandboxMilestonesRequestPayout = defineOperation({
  id: "sandbox.milestonesRequestPayout",
  resource: "sandbox",
  summary: "Request payout on a funded milestone as the trainer",
  description:
    "The trainer marks the funded work complete: the milestone stays ACTIVE_FUNDED with pendingApproval: true.",
  method: "POST",
  api: "sandbox",
  path: "/milestones/{milestoneId}/request-payout",
  auth: "sandbox",
  scope: null,
  input: z.object({ milestoneId: idParam("Funded milestone id") }),
  output: z.looseObject({ milestoneId: z.string() }),
  errors: ["NOT_FOUND", "CONFLICT"],
  hints: { destructive: false, idempotent: true },
  cli: {
    command: ["sandbox", "milestones", "request-payout"],
    positional: ["milestoneId"],
  },
});
