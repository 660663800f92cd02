import type { Contract, ContractDetail, Milestone } from "@opentrain-ai/contract";
import { iso } from "../../clock.js";
import type { ContractRow, MilestoneRow, TrainerRow } from "../../db/schema.js";
import { toContractFreelancer } from "../trainers/masked-candidate.js";
import { computeBudget } from "./budget.js";

/** Refunded and cancelled milestones are left out of timelines (spec 30 §0.3). */
export const inTimeline = (m: MilestoneRow) => m.status !== "REFUNDED" && m.status !== "CANCELLED";

export const usdOfCents = (cents: number) => cents / 100;

/**
 * The API milestone. `pendingApproval`: the trainer asked for payout on funded work;
 * `needsReview`: the same moment seen from the employer side (delivered work awaits review).
 */
export function toMilestone(m: MilestoneRow): Milestone {
  const payoutRequested = m.status === "ACTIVE_FUNDED" && m.payoutRequestedAt !== null;
  return {
    id: m.id,
    name: m.name,
    description: m.description,
    status: m.status,
    amountUsd: usdOfCents(m.amountCents),
    volume: m.volume,
    milestoneNumber: m.milestoneNumber,
    dueDate: m.dueDate,
    pendingApproval: payoutRequested,
    needsReview: payoutRequested,
    invoiceId: m.invoiceId,
    createdAt: iso(m.createdAt),
  };
}

/**
 * The list entry: `estimatedTotalUsd` sums the timeline's milestones, `estimatedVolume` their
 * hours or labels (null on fixed price); the trainer stays masked after the hire.
 */
export function toContract(c: ContractRow, trainer: TrainerRow, rows: readonly MilestoneRow[]): Contract {
  const timeline = rows.filter(inTimeline).sort((a, b) => a.milestoneNumber - b.milestoneNumber);
  const fixed = c.paymentType === "FIXED_PRICE";
  return {
    id: c.id,
    status: c.status,
    title: c.title,
    jobId: c.jobId,
    proposalId: c.proposalId,
    paymentType: c.paymentType,
    rateUsd: c.rateMicros === null ? null : c.rateMicros / 1_000_000,
    estimatedTotalUsd: usdOfCents(timeline.reduce((s, m) => s + m.amountCents, 0)),
    estimatedVolume: fixed ? null : Math.round(timeline.reduce((s, m) => s + (m.volume ?? 0), 0) * 10_000) / 10_000,
    hasActiveMilestone: timeline.some((m) => m.status === "ACTIVE_FUNDED"),
    startDate: iso(c.createdAt),
    endDate: iso(c.endedAt),
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
    freelancer: toContractFreelancer(trainer),
    milestones: timeline.map(toMilestone),
  };
}

/** GET /contracts/{contractId}: the entry plus the job DM conversation and the budget snapshot. */
export function toContractDetail(c: ContractRow, trainer: TrainerRow, rows: readonly MilestoneRow[]): ContractDetail {
  return {
    ...toContract(c, trainer, rows),
    jobDmConversationId: c.jobDmConversationId,
    budget: computeBudget(c, rows),
  };
}
