import type { ApprovalRow, HireMilestoneTerms } from "../../db/schema.js";
import { badRequest, conflict } from "../../errors.js";
import { requestApproval } from "../approvals/request-approval.js";
import { requireFunding } from "../approvals/require-funding.js";
import { withTransaction, type Principal, type ServiceContext } from "../context.js";
import { findContractOfProposal } from "../contracts/find-contract-of-proposal.js";
import { hireFees } from "../ledger/index.js";
import { centsOfUsd, normalizeDueDate } from "../milestones/amounts.js";
import { findOwnedProposal } from "./find-owned-proposal.js";

export interface HireMilestoneInput {
  name?: string;
  description?: string;
  amount: number;
  dueDate?: string;
}

export interface HireInput {
  proposalId: string;
  milestone: HireMilestoneInput;
  confirmNotFitOverride?: boolean;
}

/**
 * The first milestone's terms in storable form: whole cents, a checked due date, and at least a
 * name or a description. `prefix` names the fields in error details (`milestone.amount`).
 */
export function hireMilestoneTerms(m: HireMilestoneInput, prefix = "milestone."): HireMilestoneTerms {
  const name = m.name?.trim() || null;
  const description = m.description?.trim() || null;
  if (!name && !description) {
    throw badRequest("Give the milestone a name or a description.", { field: `${prefix}name` });
  }
  return {
    name,
    description,
    amountCents: centsOfUsd(m.amount, `${prefix}amount`),
    dueDate: normalizeDueDate(m.dueDate, `${prefix}dueDate`),
  };
}

/**
 * Canonical text of a hire's terms: the same milestone asked for again is the same request. The
 * Not-a-fit override counts too (when sent), so adding it replaces a request made without it.
 */
export function hireTermsKey(t: HireMilestoneTerms, override: boolean): string {
  return JSON.stringify([t.name, t.description, t.amountCents, t.dueDate, ...(override ? ["not_fit_override"] : [])]);
}

/** The whole charge of a hire: the milestone plus the 10 % marketplace fee and the $9.95 contract fee. */
export function hireChargeCents(milestoneCents: number): number {
  return milestoneCents + hireFees(milestoneCents).totalCents;
}

/**
 * Why the proposal cannot be hired (re-read fresh each time: the check runs again after the live
 * approval's lock was taken): hired already (409 `already_accepted` + contractId), an invitation
 * not accepted (409 `proposal_not_hireable`), a suspended trainer (409 `freelancer_unavailable`),
 * or marked Not a fit without the override (409 `not_fit_confirmation_required`). DECLINED and
 * other review statuses can be hired.
 */
export async function assertHireable(
  tx: ServiceContext,
  accountId: string,
  proposalId: string,
  confirmNotFitOverride: boolean,
) {
  const record = await findOwnedProposal(tx, accountId, proposalId);
  const { proposal, trainer } = record;
  if (proposal.status === "HIRED") {
    const contract = await findContractOfProposal(tx, proposal.id);
    throw conflict("This proposal was already hired; read the contract instead of hiring again.", {
      reason: "already_accepted",
      proposalId: proposal.id,
      contractId: contract?.id ?? null,
    });
  }
  if (proposal.source === "INVITED" && proposal.invitationStatus !== "ACCEPTED") {
    throw conflict(
      proposal.invitationStatus === "DECLINED"
        ? "The AI trainer declined the invitation, so there is nobody to hire on this proposal."
        : "The AI trainer has not accepted the invitation yet; hire them once they have.",
      { reason: "proposal_not_hireable", proposalId: proposal.id, invitationStatus: proposal.invitationStatus },
    );
  }
  if (trainer.status === "SUSPENDED") {
    throw conflict("This AI trainer can no longer be hired.", {
      reason: "freelancer_unavailable",
      proposalId: proposal.id,
    });
  }
  if (proposal.status === "NOT_A_FIT" && !confirmNotFitOverride) {
    throw conflict(
      'This proposal is marked "Not a fit". If hiring is intentional, send the same request with confirmNotFitOverride: true.',
      { reason: "not_fit_confirmation_required", proposalId: proposal.id },
    );
  }
  return record;
}

/**
 * POST /proposals/{proposalId}/hire: records (or returns) the pending `proposal_hire` approval.
 * Nothing is hired or charged: a human confirms on the approval page, where the contract, the
 * funded first milestone and the HIRED status are created together.
 */
export async function hireProposal(
  ctx: ServiceContext,
  principal: Principal,
  input: HireInput,
): Promise<{ approval: ApprovalRow; created: boolean }> {
  const terms = hireMilestoneTerms(input.milestone);
  const override = input.confirmNotFitOverride === true;
  return withTransaction(ctx, async (tx) => {
    const { proposal } = await assertHireable(tx, principal.accountId, input.proposalId, override);
    return requestApproval(
      tx,
      principal,
      {
        accountId: principal.accountId,
        type: "proposal_hire",
        subjectId: proposal.id,
        jobId: proposal.jobId,
        proposalId: proposal.id,
        terms: { milestone: terms, confirmNotFitOverride: override },
        termsKey: hireTermsKey(terms, override),
      },
      async (fresh) => {
        await assertHireable(fresh, principal.accountId, proposal.id, override);
      },
      (fresh) => requireFunding(fresh, principal.accountId, hireChargeCents(terms.amountCents)),
    );
  });
}
