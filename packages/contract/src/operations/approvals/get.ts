import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { approvalSchema } from "../../schemas/approvals.js";
import { idParam } from "../../schemas/params.js";

export const approvalsGet = defineOperation({
  id: "approvals.get",
  resource: "approvals",
  summary: "Read a human co-sign approval",
  description:
    'Status pending, confirmed, declined or expired, plus result once confirmed. A pending approval past expiresAt reads as expired. Visible to the account owner and the token that created it; anyone else gets 404 (details {resource: "approvals", approvalId}). Prefer approval.confirmed on GET /updates to polling.',
  method: "GET",
  api: "public",
  path: "/approvals/{approvalId}",
  auth: "bearer",
  scope: "payments:read",
  input: z.object({
    approvalId: idParam("Approval id from a fund/approve/end request"),
  }),
  output: z.object({ approval: approvalSchema }),
  errors: ["NOT_FOUND"],
  tool: {
    name: "opentrain_get_approval",
    title: "Get approval",
    description:
      "Check the status of a pending human co-sign approval (milestone funding, release, or contract end): pending, confirmed, declined, or expired, plus the execution result once confirmed.",
  },
  cli: { command: ["approvals", "get"], positional: ["approvalId"] },
});
