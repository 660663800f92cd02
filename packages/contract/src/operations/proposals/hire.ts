import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { coSignResponse, hireApprovalSchema } from "../../schemas/approvals.js";
import { idParam } from "../../schemas/params.js";
import { hireMilestoneInputSchema } from "../../schemas/proposals.js";

export const proposalsHire = defineOperation({
  id: "proposals.hire",
  resource: "proposals",
  summary: "Request a hire (co-signed by a human)",
  description:
    "Never hires or charges: records a pending proposal_hire approval and answers 202 with its approvalUrl for a signed-in human. On confirm the contract is created and the first milestone funded (milestone amount + 10% marketplace fee + $9.95 contract fee, card or credits as the human picks; the human's edits win). Same terms while pending return the same approval; new terms supersede it. 409 details.reason: payment_method_required (+ billingUrl), not_fit_confirmation_required (retry with confirmNotFitOverride: true), already_accepted (already hired — read the contract).",
  method: "POST",
  api: "public",
  path: "/proposals/{proposalId}/hire",
  auth: "bearer",
  scope: "proposals:write",
  feature: "public_api_hiring",
  claim: "hire AI trainers",
  successStatus: 202,
  input: z.object({
    proposalId: idParam("Proposal id to hire from"),
    milestone: hireMilestoneInputSchema.describe(
      "First escrow milestone: {name?, description?, amount (USD, required), dueDate?}",
    ),
    confirmNotFitOverride: z.boolean().optional().describe("Confirm hiring a proposal previously marked “Not a fit”"),
  }),
  output: coSignResponse(hireApprovalSchema),
  errors: ["BAD_REQUEST", "NOT_FOUND", "CONFLICT"],
  hints: { destructive: false, idempotent: true },
  tool: {
    name: "opentrain_hire_proposal",
    title: "Hire proposal",
    description:
      'Request a hire from a proposal. Never hires anyone or moves money — records a pending approval (type: "proposal_hire") and returns 202 with an approvalUrl a signed-in human must confirm in the OpenTrain app. On confirm, OpenTrain creates the contract and funds the first escrow milestone (the human picks card or credits). A 409 with details.reason: "payment_method_required" includes a billingUrl; not_fit_confirmation_required means retry with confirmNotFitOverride: true if intentional; already_accepted means the proposal was already hired. Re-requesting with the same terms returns the same pending approval.',
  },
  cli: { command: ["proposals", "hire"], positional: ["proposalId"] },
});
