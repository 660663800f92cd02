import type { ProposalStatus } from "@opentrain-ai/contract";

const LABELS: Record<ProposalStatus, string> = {
  UNREVIEWED: "Unreviewed",
  SHORTLISTED: "Shortlisted",
  MAYBE: "Maybe",
  HIRED: "Hired",
  DECLINED: "Declined",
  NOT_A_FIT: "Not a fit",
  RESUME_SENT: "Resume sent",
};

/** `status { raw, label }` of a proposal (e.g. NOT_A_FIT → "Not a fit"). */
export function statusOf(raw: ProposalStatus): { raw: ProposalStatus; label: string } {
  return { raw, label: LABELS[raw] };
}
