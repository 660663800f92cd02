import type { BidUnit, RawInterviewMessage, VerificationSnapshot } from "../../db/schema.js";

/** What a trainer submits with a proposal: made by the sandbox simulator (or, later, a trainer app). */
export interface ProposalContent {
  bid: { amountMicros: number; unit: BidUnit; labelerHourlyRateMicros: number | null };
  coverNote: string | null;
  /** Resume match, 0–1. */
  matchScore: number | null;
  verification: VerificationSnapshot;
  assessment: { score: number; labelType: string | null; completedAt: Date } | null;
  interview: {
    transcript: RawInterviewMessage[];
    score: number | null;
    summary: string | null;
    startedAt: Date;
    completedAt: Date;
  } | null;
}

/** The proposal columns of a submission. */
export function submissionColumns(content: ProposalContent, at: Date) {
  return {
    bidAmountMicros: content.bid.amountMicros,
    bidUnit: content.bid.unit,
    labelerHourlyRateMicros: content.bid.labelerHourlyRateMicros,
    coverNote: content.coverNote,
    matchScore: content.matchScore,
    verification: content.verification,
    assessmentScore: content.assessment?.score ?? null,
    assessmentLabelType: content.assessment?.labelType ?? null,
    assessmentCompletedAt: content.assessment?.completedAt ?? null,
    submittedAt: at,
    updatedAt: at,
  };
}
