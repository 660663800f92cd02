import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { idParam, isoDateInput } from "../../schemas/params.js";
import { sandboxApprovalActionSchema } from "../../schemas/sandbox.js";

export const sandboxApprovalsConfirm = defineOperation({
  id: "sandbox.approvalsConfirm",
  resource: "sandbox",
  summary: "Confirm an approval as the human",
  description:
    "Same effect as confirming on the approval page: the action executes (hire, fund, release, end). paymentSource picks card or credits where money moves; milestone edits the hire's first milestone (the human's values win). A pending approval only; a declined card answers 402.",
  method: "POST",
  api: "sandbox",
  path: "/approvals/{approvalId}/confirm",
  auth: "sandbox",
  scope: null,
  input: z.object({
    approvalId: idParam("Approval id"),
    paymentSource: z.enum(["credits", "card"]).optional().describe("Funding source where money moves"),
    milestone: z
      .object({
        name: z.string().trim().max(200).optional(),
        description: z.string().trim().max(10_000).optional(),
        amount: z.number().positive().optional().describe("USD"),
        dueDate: isoDateInput.optional(),
      })
      .optional()
      .describe("Edited first-milestone terms (proposal_hire only)"),
  }),
  output: sandboxApprovalActionSchema,
  errors: ["BAD_REQUEST", "NOT_FOUND", "CONFLICT", "PAYMENT_DECLINED"],
  hints: { destructive: false, idempotent: false },
  cli: {
    command: ["sandbox", "approvals", "confirm"],
    positional: ["approvalId"],
  },
});
