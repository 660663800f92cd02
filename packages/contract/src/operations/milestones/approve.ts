import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { coSignResponse, milestoneApproveApprovalSchema } from "../../schemas/approvals.js";
import { idParam } from "../../schemas/params.js";

export const milestonesApprove = defineOperation({
  id: "milestones.approve",
  resource: "milestones",
  summary: "Request payout release of a funded milestone (co-signed)",
  description:
    "Does not move money: answers 202 with a pending milestone_approve approval whose approvalUrl a signed-in human confirms (expires in ~72 h); repeating while pending returns the same approval. On confirm the escrow is paid out to the trainer (not reversible self-serve). 409 details.reason milestone_not_funded (fund it first).",
  method: "POST",
  api: "public",
  path: "/milestones/{milestoneId}/approve",
  auth: "bearer",
  scope: "payments:write",
  feature: "public_api_payments_write",
  claim: "release milestone payments",
  successStatus: 202,
  input: z.object({
    milestoneId: idParam("Funded (ACTIVE_FUNDED) milestone to release"),
  }),
  output: coSignResponse(milestoneApproveApprovalSchema),
  errors: ["NOT_FOUND", "CONFLICT"],
  hints: { destructive: false, idempotent: true },
  tool: {
    name: "opentrain_request_milestone_approval",
    title: "Request milestone approval",
    description:
      "Request approval (payment release) of a funded milestone. Like funding, this only creates a pending human approval with an approvalUrl (~72h expiry) — no money moves until the human confirms.",
  },
  cli: { command: ["milestones", "approve"], positional: ["milestoneId"] },
});
