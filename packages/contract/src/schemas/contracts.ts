import { z } from "zod";
import { PAYMENT_TYPES } from "./capabilities.js";
import { isoTimestamp } from "./common.js";

export const CONTRACT_STATUSES = ["active", "ended"] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/**
 * Milestone statuses. The docs name NOT_FUNDED and ACTIVE_FUNDED; the others are this
 * implementation's spelling of the in-app states (paid, cancelled, refunded, disputed).
 * Refunded and cancelled milestones are left out of contract timelines.
 */
export const MILESTONE_STATUSES = ["NOT_FUNDED", "ACTIVE_FUNDED", "PAID", "CANCELLED", "REFUNDED", "DISPUTED"] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const BUDGET_STATES = ["OK", "LOW", "DEPLETED"] as const;
export type BudgetState = (typeof BUDGET_STATES)[number];

export const milestoneSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  description: z.string(),
  status: z.enum(MILESTONE_STATUSES),
  amountUsd: z.number(),
  volume: z.number().nullable().describe("Hours or labels for hourly / per-label contracts"),
  milestoneNumber: z.number().int().positive(),
  dueDate: z.string().nullable(),
  pendingApproval: z.boolean().describe("The trainer has requested payout"),
  needsReview: z.boolean(),
  invoiceId: z.string().nullable().describe("Funding invoice"),
  createdAt: isoTimestamp,
});
export type Milestone = z.infer<typeof milestoneSchema>;

/** Masked AI trainer on a contract. */
export const contractFreelancerSchema = z.object({
  userId: z.string(),
  displayName: z.string().describe('First name + last initial, e.g. "Ada L."'),
  country: z.string().nullable(),
  profilePath: z.string(),
});

export const contractSchema = z.object({
  id: z.string(),
  status: z.enum(CONTRACT_STATUSES),
  title: z.string(),
  jobId: z.string(),
  proposalId: z.string(),
  paymentType: z.enum(PAYMENT_TYPES),
  rateUsd: z.number().nullable().describe("Hourly or per-label rate, or the fixed price"),
  estimatedTotalUsd: z.number().nullable(),
  estimatedVolume: z.number().nullable(),
  hasActiveMilestone: z.boolean(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  freelancer: contractFreelancerSchema,
  milestones: z.array(milestoneSchema).describe("Refunded and cancelled milestones are left out"),
  jobDmConversationId: z
    .string()
    .nullable()
    .optional()
    .describe("Post-hire job DM conversation (always present on GET /contracts/{contractId})"),
});
export type Contract = z.infer<typeof contractSchema>;

export const budgetSchema = z.object({
  contractId: z.string(),
  paymentType: z.enum(PAYMENT_TYPES),
  state: z.enum(BUDGET_STATES).describe("OK < 0.8 consumed, LOW ≥ 0.8, DEPLETED ≥ 1.0; FIXED_PRICE is always OK"),
  fundedVolume: z.number(),
  fundedAmountUsd: z.number(),
  consumed: z.object({
    seconds: z.number(),
    hours: z.number(),
    labels: z.number(),
    tasks: z.number(),
  }),
  consumedVolume: z.number(),
  remainingVolume: z.number(),
  consumedFraction: z.number().nullable().describe("consumedVolume / fundedVolume; null when nothing is funded"),
  activeMilestone: z
    .object({
      id: z.string(),
      name: z.string().nullable(),
      amountUsd: z.number(),
      volume: z.number().nullable(),
      status: z.enum(MILESTONE_STATUSES),
    })
    .nullable(),
  lastUsageAt: isoTimestamp.nullable(),
});
export type Budget = z.infer<typeof budgetSchema>;

export const contractDetailSchema = contractSchema.extend({
  jobDmConversationId: z.string().nullable(),
  budget: budgetSchema,
});
export type ContractDetail = z.infer<typeof contractDetailSchema>;
