import type { Contract } from "@opentrain-ai/contract";

type ContractFreelancer = Contract["freelancer"];
import { eq } from "drizzle-orm";
import {
  approvals,
  contracts,
  milestones,
  trainers,
  type ApprovalRow,
  type ContractRow,
  type HireMilestoneTerms,
  type MilestoneRow,
} from "../../db/schema.js";
import { defaultPaymentMethod } from "../billing/payment-methods.js";
import type { ServiceContext } from "../context.js";
import { contractMilestones } from "../contracts/budget.js";
import { findJob } from "../jobs/find-job.js";
import { fundingOptions } from "../ledger/index.js";
import { findProposal } from "../proposals/find-proposal.js";
import { fromMicros } from "../jobs/fields.js";
import { toContractFreelancer } from "../trainers/masked-candidate.js";
import { approvalNotFound } from "./approval-errors.js";
import { expireApprovalIfDue, isPastExpiry } from "./expire-approval.js";

/** Everything the approval page shows about one approval. */
export interface ApprovalDescription {
  approval: ApprovalRow;
  jobTitle: string;
  /** The masked trainer (hire: the proposal's; others: the contract's). */
  trainer: ContractFreelancer | null;
  /** Hire: the trainer's bid, e.g. `$15/hour`. Others: the contract rate. */
  rateLabel: string | null;
  /** The hire's first milestone as the agent asked for it. */
  hireTerms: HireMilestoneTerms | null;
  contract: ContractRow | null;
  /** Fund / approve: the milestone. */
  milestone: MilestoneRow | null;
  /** End: the contract's funded milestones (their escrow would be refunded). */
  fundedMilestones: MilestoneRow[];
  /** End: the unfunded milestones (they would be cancelled). */
  unfundedMilestones: MilestoneRow[];
  /** What the account can pay with (hire and fund). */
  funding: { availableCents: number; card: { brand: string; last4: string } | null };
  /** Why a pending approval cannot be carried out right now (the human can still decline it). */
  blocker: string | null;
}

const UNIT_LABEL: Record<string, string> = {
  PER_HOUR: "/hour",
  PER_LABEL: "/label",
  FIXED_PRICE: " fixed",
  PAY_PER_HOUR: "/hour",
  PAY_PER_LABEL: "/label",
};

function rateLabel(micros: number | null, unit: string | null): string | null {
  const usd = fromMicros(micros);
  if (usd === null) return null;
  const digits = Number.isInteger(usd) ? 0 : Number.isInteger(usd * 100) ? 2 : undefined;
  const text = usd.toLocaleString("en-US", { minimumFractionDigits: digits ?? 2, maximumFractionDigits: digits ?? 6 });
  return `$${text}${UNIT_LABEL[unit ?? ""] ?? ""}`;
}

async function contractWithTrainer(ctx: ServiceContext, contractId: string) {
  const [row] = await ctx.db
    .select({ contract: contracts, trainer: trainers })
    .from(contracts)
    .innerJoin(trainers, eq(trainers.id, contracts.trainerId))
    .where(eq(contracts.id, contractId))
    .limit(1);
  return row ?? null;
}

function blockerOf(d: Omit<ApprovalDescription, "blocker">): string | null {
  const { approval, contract, milestone } = d;
  if (approval.status !== "pending") return null;
  if (approval.type !== "proposal_hire" && contract?.status === "ended") {
    return "This contract has ended since the request was made, so it can no longer be carried out.";
  }
  if (approval.type === "milestone_fund" && milestone && milestone.status !== "NOT_FUNDED") {
    return `This milestone is ${milestone.status} now, so it cannot be funded again.`;
  }
  if (approval.type === "milestone_approve" && milestone && milestone.status !== "ACTIVE_FUNDED") {
    return `This milestone is ${milestone.status} now; it has no funded escrow to release.`;
  }
  return null;
}

/**
 * The approval page's view of an approval of one of `accountIds` (the signed-in human's
 * accounts; any other id is a 404). Reading applies the lazy expiry like the API does.
 */
export async function describeApproval(
  ctx: ServiceContext,
  approvalId: string,
  accountIds: readonly string[],
): Promise<ApprovalDescription> {
  let [approval] = await ctx.db.select().from(approvals).where(eq(approvals.id, approvalId)).limit(1);
  if (!approval || !accountIds.includes(approval.accountId)) throw approvalNotFound(approvalId);
  if (isPastExpiry(ctx, approval)) approval = (await expireApprovalIfDue(ctx, approval.id))!;
  const job = await findJob(ctx, approval.jobId);
  let trainer: ContractFreelancer | null = null;
  let rate: string | null = null;
  let contract: ContractRow | null = null;
  let milestone: MilestoneRow | null = null;
  let all: MilestoneRow[] = [];
  if (approval.type === "proposal_hire") {
    const found = await findProposal(ctx, approval.proposalId!);
    if (found) {
      trainer = toContractFreelancer(found.trainer);
      rate = rateLabel(found.proposal.bidAmountMicros, found.proposal.bidUnit);
    }
  } else {
    const found = await contractWithTrainer(ctx, approval.contractId!);
    if (found) {
      contract = found.contract;
      trainer = toContractFreelancer(found.trainer);
      rate = rateLabel(contract.rateMicros, contract.paymentType);
      all = await contractMilestones(ctx, contract.id);
      if (approval.milestoneId) {
        const [m] = await ctx.db.select().from(milestones).where(eq(milestones.id, approval.milestoneId)).limit(1);
        milestone = m ?? null;
      }
    }
  }
  const options = await fundingOptions(ctx, approval.accountId);
  const card = await defaultPaymentMethod(ctx, approval.accountId);
  const description = {
    approval,
    jobTitle: job?.title ?? "Untitled job",
    trainer,
    rateLabel: rate,
    hireTerms: approval.terms.milestone ?? null,
    contract,
    milestone,
    fundedMilestones: all.filter((m) => m.status === "ACTIVE_FUNDED"),
    unfundedMilestones: all.filter((m) => m.status === "NOT_FUNDED"),
    funding: { availableCents: options.availableCents, card: card ? { brand: card.brand, last4: card.last4 } : null },
  };
  return { ...description, blocker: blockerOf(description) };
}
