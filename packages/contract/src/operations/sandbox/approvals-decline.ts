import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { idParam } from "../../schemas/params.js";
import { sandboxApprovalActionSchema } from "../../schemas/sandbox.js";

export const sandboxApprovalsDecline = defineOperation({
  id: "sandbox.approvalsDecline",
  resource: "sandbox",
  summary: "Decline an approval as the human",
  description: "Same effect as declining on the approval page: nothing executes and the approval becomes declined.",
  method: "POST",
  api: "sandbox",
  path: "/approvals/{approvalId}/decline",
  auth: "sandbox",
  scope: null,
  input: z.object({ approvalId: idParam("Approval id") }),
  output: sandboxApprovalActionSchema,
  errors: ["NOT_FOUND", "CONFLICT"],
  hints: { destructive: false, idempotent: false },
  cli: {
    command: ["sandbox", "approvals", "decline"],
    positional: ["approvalId"],
  },
});
