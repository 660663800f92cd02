import type { ProposalDetail, ProposalSummary } from "@opentrain-ai/contract";
import { iso } from "../../clock.js";
import type { InterviewRow, ProposalRow, TrainerRow } from "../../db/schema.js";
import { fromMicros } from "../jobs/fields.js";
import { sanitizeOptional } from "../privacy/sanitize-text.js";
import { toMaskedCandidate } from "../trainers/masked-candidate.js";
import { statusOf } from "./status-label.js";

/** A proposal with what its answers show: the job's title, the trainer and the interview. */
export interface ProposalRecord {
  proposal: ProposalRow;
  jobTitle: string | null;
  trainer: TrainerRow;
  interview: Pick<InterviewRow, "id" | "score" | "summary"> | null;
}

/** The list entry (spec 30 §1.1): masked candidate, bid in USD, scores. */
export function toProposalSummary(r: ProposalRecord): ProposalSummary {
  const p = r.proposal;
  return {
    id: p.id,
    jobId: p.jobId,
    jobTitle: r.jobTitle ?? "Untitled job",
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
    status: statusOf(p.status),
    source: p.source,
    invitation:
      p.source === "INVITED" && p.invitationStatus && p.invitedAt
        ? { status: p.invitationStatus, invitedAt: iso(p.invitedAt), respondedAt: iso(p.respondedAt) }
        : null,
    bid: {
      amountUsd: fromMicros(p.bidAmountMicros),
      unit: p.bidUnit,
      labelerHourlyRateUsd: fromMicros(p.labelerHourlyRateMicros),
    },
    candidate: toMaskedCandidate(r.trainer),
    metrics: { interviewScore: r.interview?.score ?? null, matchScore: p.matchScore },
  };
}

/**
 * The detail (spec 30 §1.2). Free text the trainer wrote (cover note) and the interview summary
 * go through the sanitizer with the trainer's last name: no contact details, no surname.
 */
export function toProposalDetail(r: ProposalRecord): ProposalDetail {
  const p = r.proposal;
  const clean = { lastNames: [r.trainer.lastName] };
  const v = p.verification;
  const verification =
    "identity" in v
      ? { location: v.location, identity: { verified: v.identity.verified } }
      : { location: null, identity: { verified: false } };
  return {
    ...toProposalSummary(r),
    coverNote: sanitizeOptional(p.coverNote, clean),
    aiInterview: r.interview
      ? { score: r.interview.score, summary: sanitizeOptional(r.interview.summary, clean), transcriptAvailable: true }
      : null,
    verification,
    openLabel:
      p.assessmentScore === null
        ? null
        : {
            score: p.assessmentScore,
            passed: p.assessmentScore >= 70,
            labelType: p.assessmentLabelType,
            completedAt: iso(p.assessmentCompletedAt),
          },
    // The contract of a hire is added by get-proposal (one indexed lookup: contracts_proposal_key).
    contract: null,
  };
}
