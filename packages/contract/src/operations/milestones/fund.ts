import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { coSignResponse, milestoneFundApprovalSchema } from "../../schemas/approvals.js";
import { idParam } from "../../schemas/params.js";

export const milestonesFund = defineOperation({
  id: "milestones.fund",
  resource: "milestones",
  summary: "Request escrow funding for a milestone (co-signed)",
  description:
    "Does not move money: answers 202 with a pending milestone_fund approval whose approvalUrl a signed-in human confirms (expires in ~72 h); repeating while pending returns the same approval. On confirm the milestone becomes ACTIVE_FUNDED. 409 details.reason milestone_not_fundable (not NOT_FUNDED) or payment_method_required (+ billingUrl: no card and credits cannot cover it).",
  method: "POST",
  api: "public",
  path: "/milestones/{milestoneId}/fund",
  auth: "bearer",
  scope: "payments:write",
  feature: "public_api_payments_write",
  claim: "fund milestones",
  successStatus: 202,
  input: z.object({ milestoneId: idParam("Milestone to fund") }),
  output: coSignResponse(milestoneFundApprovalSchema),
  errors: ["NOT_FOUND", "CONFLICT"],
  hints: { destructive: false, idempotent: true },
  tool: {
    name: "opentrain_request_milestone_funding",
    title: "Request milestone funding",
    description:
      "Request escrow funding for a milestone. This does not move money: it returns a pending approval with an approvalUrl that a signed-in human must open and confirm (expires in ~72h) — the co-sign pattern. Watch opentrain_poll_updates for approval.confirmed, or re-check with opentrain_get_approval.",
  },
  cli: { command: ["milestones", "fund"], positional: ["milestoneId"] },
});
