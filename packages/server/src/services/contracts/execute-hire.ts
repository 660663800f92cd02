import { PAYMENT_TYPES } from "@opentrain-ai/contract";
import {
  contracts,
  milestones,
  type ApprovalRow,
  type ContractPaymentType,
  type HireMilestoneTerms,
  type ProposalRow,
} from "../../db/schema.js";
import { newId } from "../../ids.js";
import { paymentSourceOf, type Confirmation, type Execution } from "../approvals/confirmation.js";
import type { ServiceContext } from "../context.js";
import { recordEvent } from "../events/record-event.js";
import type { JobRow } from "../jobs/fields.js";
import { findJob } from "../jobs/find-job.js";
import { fundEscrow, hireFees } from "../ledger/index.js";
import { scheduleDelivery } from "../milestones/schedule-delivery.js";
import { setMilestoneStatus } from "../milestones/set-milestone-status.js";
import { changeProposalStatus } from "../proposals/change-proposal-status.js";
import { assertHireable, hireMilestoneTerms } from "../proposals/hire-proposal.js";
import { openJobConversation } from "./open-job-conversation.js";

const BID_UNIT_TYPES: Record<string, ContractPaymentType> = {
  PER_HOUR: "PAY_PER_HOUR",
  PER_LABEL: "PAY_PER_LABEL",
  FIXED_PRICE: "FIXED_PRICE",
};

/** The contract's payment type: the job's, else the bid's unit, else fixed price. */
export function paymentTypeOf(job: JobRow, proposal: ProposalRow): ContractPaymentType {
  if ((PAYMENT_TYPES as readonly string[]).includes(job.paymentType ?? ""))
    return job.paymentType as ContractPaymentType;
  return BID_UNIT_TYPES[proposal.bidUnit ?? ""] ?? "FIXED_PRICE";
}

/** The contract's rate: the trainer's bid, else the job's rate for the payment type. */
export function rateMicrosOf(job: JobRow, proposal: ProposalRow, type: ContractPaymentType): number | null {
  if (proposal.bidAmountMicros !== null) return proposal.bidAmountMicros;
  if (type === "PAY_PER_HOUR") return job.pricePerHourMicros;
  if (type === "PAY_PER_LABEL") return job.pricePerLabelMicros;
  return job.fixedPriceMicros;
}

/** Hours or labels the first milestone buys at the contract rate (2 decimals); null on fixed price. */
export function volumeFor(type: ContractPaymentType, rateMicros: number | null, amountCents: number): number | null {
  if (type === "FIXED_PRICE" || !rateMicros) return null;
  return Math.round((amountCents * 10_000 * 100) / rateMicros) / 100;
}

/** The human's edits over the agent's terms, field by field (an empty edit keeps the agent's value). */
export function mergedHireTerms(agent: HireMilestoneTerms, edits: Confirmation["milestone"]): HireMilestoneTerms {
  if (!edits) return agent;
  const pick = (edited: string | undefined, original: string | null) =>
    edited !== undefined && edited.trim() !== "" ? edited : (original ?? undefined);
  return hireMilestoneTerms(
    {
      name: pick(edits.name, agent.name),
      description: pick(edits.description, agent.description),
      amount: edits.amount ?? agent.amountCents / 100,
      dueDate: pick(edits.dueDate, agent.dueDate),
    },
    "milestone.",
  );
}

/**
 * Executes a confirmed `proposal_hire` in the confirmation's transaction (the approval row is
 * locked): contract (active) with its job DM, the first milestone funded through the ledger
 * (escrow = the milestone, fees = 10 % + $9.95 captured), the proposal HIRED, and the events
 * contract.created, milestone.status_changed (ACTIVE_FUNDED) and proposal.status_changed — all
 * or nothing: a declined card or short credits throw and roll everything back.
 */
export async function executeHire(tx: ServiceContext, approval: ApprovalRow, c: Confirmation): Promise<Execution> {
  const source = paymentSourceOf(c);
  const terms = mergedHireTerms(approval.terms.milestone!, c.milestone);
  const override = approval.terms.confirmNotFitOverride === true;
  const { proposal, trainer } = await assertHireable(tx, approval.accountId, approval.proposalId!, override);
  const job = (await findJob(tx, proposal.jobId))!;
  const at = tx.clock.now();
  const paymentType = paymentTypeOf(job, proposal);
  const rateMicros = rateMicrosOf(job, proposal, paymentType);
  const contractId = newId("ctr");
  const signer = c.signerUserId ?? approval.requestedByUserId;
  const conversationId = await openJobConversation(
    tx,
    {
      accountId: approval.accountId,
      trainerId: trainer.id,
      proposalId: proposal.id,
      jobId: job.id,
      contractId,
      userId: signer,
    },
    at,
  );
  const [contract] = await tx.db
    .insert(contracts)
    .values({
      id: contractId,
      accountId: approval.accountId,
      jobId: job.id,
      proposalId: proposal.id,
      trainerId: trainer.id,
      status: "active",
      title: job.title ?? "Untitled job",
      paymentType,
      rateMicros,
      jobDmConversationId: conversationId,
      budgetState: "OK",
      consumedSeconds: 0,
      consumedLabels: 0,
      consumedTasks: 0,
      hiredByUserId: signer,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  await recordEvent(tx, {
    accountId: approval.accountId,
    type: "contract.created",
    resourceId: contractId,
    jobId: job.id,
    data: { contractId, jobId: job.id, proposalId: proposal.id },
    at,
  });
  const [first] = await tx.db
    .insert(milestones)
    .values({
      id: newId("mst"),
      contractId,
      accountId: approval.accountId,
      milestoneNumber: 1,
      name: terms.name,
      description: terms.description ?? "",
      status: "NOT_FUNDED",
      amountCents: terms.amountCents,
      volume: volumeFor(paymentType, rateMicros, terms.amountCents),
      dueDate: terms.dueDate,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  const fees = hireFees(terms.amountCents);
  const funding = await fundEscrow(tx, {
    accountId: approval.accountId,
    source,
    escrowCents: terms.amountCents,
    feeCents: fees.totalCents,
    proposalId: proposal.id,
    contractId,
    milestoneId: first!.id,
    jobId: job.id,
    milestoneName: terms.name,
  });
  const funded = await setMilestoneStatus(
    tx,
    contract!,
    first!,
    "ACTIVE_FUNDED",
    {
      fundingSource: source,
      feeCents: fees.totalCents,
      invoiceId: funding.invoiceId,
      paymentIntentId: funding.paymentIntentId,
      fundedAt: at,
    },
    at,
  );
  await changeProposalStatus(tx, { proposal, accountId: approval.accountId, status: "HIRED", at });
  await scheduleDelivery(tx, contract!, funded);
  return {
    result: { hired: true, contractId, jobId: job.id, freelancerUserId: trainer.id },
    resolution: { paymentSource: source, milestone: terms, escrowCents: terms.amountCents, feeCents: fees.totalCents },
  };
}
