import { z } from "zod";
import { isoTimestamp } from "./common.js";

/** Human co-sign approval types (spec 10 §13). */
export const APPROVAL_TYPES = ["proposal_hire", "milestone_fund", "milestone_approve", "contract_end"] as const;
export type ApprovalType = (typeof APPROVAL_TYPES)[number];

export const APPROVAL_STATUSES = ["pending", "confirmed", "declined", "expired"] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/** `result` of a confirmed approval, per type. */
export const approvalResultSchemas = {
  proposal_hire: z.object({
    hired: z.literal(true),
    contractId: z.string(),
    jobId: z.string(),
    freelancerUserId: z.string(),
  }),
  milestone_fund: z.object({
    invoiceId: z.string(),
    paymentIntentId: z.string().nullable().optional(),
  }),
  milestone_approve: z.object({
    invoiceId: z.string(),
    payoutTransactionId: z.string(),
  }),
  contract_end: z.object({ contractEnded: z.literal(true) }),
} as const;

function approvalOf<T extends ApprovalType>(type: T) {
  return z.object({
    id: z.string(),
    type: z.literal(type),
    status: z.enum(APPROVAL_STATUSES),
    contractId: z.string().nullable().describe("null for proposal_hire (the contract id is in result)"),
    milestoneId: z.string().nullable(),
    jobId: z.string(),
    proposalId: z.string().nullable().optional().describe("Set only for proposal_hire"),
    approvalUrl: z
      .string()
      .describe("https://app.opentrain.ai/approvals/<approvalId>; a signed-in human confirms there"),
    expiresAt: isoTimestamp.describe("~72 h after creation"),
    resolvedAt: isoTimestamp.nullable(),
    result: approvalResultSchemas[type].nullable().describe("Execution evidence once confirmed"),
    supersededBy: z
      .string()
      .nullable()
      .optional()
      .describe("Set when a hire request with new terms replaced this one (its status is then expired)"),
    createdAt: isoTimestamp,
  });
}

export const hireApprovalSchema = approvalOf("proposal_hire");
export const milestoneFundApprovalSchema = approvalOf("milestone_fund");
export const milestoneApproveApprovalSchema = approvalOf("milestone_approve");
export const contractEndApprovalSchema = approvalOf("contract_end");

/** Any approval, discriminated by `type`. */
export const approvalSchema = z.discriminatedUnion("type", [
  hireApprovalSchema,
  milestoneFundApprovalSchema,
  milestoneApproveApprovalSchema,
  contractEndApprovalSchema,
]);
export type Approval = z.infer<typeof approvalSchema>;

/** 202 answer of a co-signed call: nothing happened yet; a human must open `approval.approvalUrl`. */
export function coSignResponse<A extends z.ZodType>(approval: A) {
  return z.object({
    approval,
    message: z.string().describe("Hand-off text: a signed-in human must confirm at approvalUrl"),
  });
}

export const coSignResponseSchema = coSignResponse(approvalSchema);
