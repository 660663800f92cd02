import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { milestoneSchema } from "../../schemas/contracts.js";
import { idParam, isoDateInput } from "../../schemas/params.js";

export const milestonesCreate = defineOperation({
  id: "milestones.create",
  resource: "milestones",
  summary: "Create an unfunded milestone on a contract",
  description:
    "No money moves: the milestone starts NOT_FUNDED (fund it with POST /milestones/{milestoneId}/fund). FIXED_PRICE contracts need amountUsd; hourly and per-label contracts need volume (amount = rate × volume); when both are sent amountUsd must equal rate × volume. 400 details.field names the bad field; 409 details.reason contract_ended or contract_rate_missing.",
  method: "POST",
  api: "public",
  path: "/contracts/{contractId}/milestones",
  auth: "bearer",
  scope: "payments:write",
  feature: "public_api_payments_write",
  claim: "create milestones",
  successStatus: 201,
  input: z.object({
    contractId: idParam("Contract to add the milestone to"),
    description: z.string().trim().min(1).max(10_000).describe("Description of the work to be delivered"),
    name: z.string().trim().min(1).max(200).optional().describe("Short milestone name"),
    amountUsd: z.number().positive().max(1_000_000).optional().describe("Milestone amount in USD"),
    volume: z.number().positive().optional().describe("Unit volume (e.g. label count) for per-unit milestones"),
    dueDate: isoDateInput.optional().describe("Due date (ISO 8601)"),
  }),
  output: z.object({ milestone: milestoneSchema }).loose(),
  errors: ["BAD_REQUEST", "NOT_FOUND", "CONFLICT"],
  hints: { destructive: false, idempotent: false },
  tool: {
    name: "opentrain_create_milestone",
    title: "Create milestone",
    description:
      "Create a new unfunded milestone on an existing contract. No money moves at creation — use opentrain_request_milestone_funding afterwards.",
  },
  cli: { command: ["milestones", "create"], positional: ["contractId"] },
});
