import type { Approval } from "@opentrain-ai/contract";
import { iso } from "../../clock.js";
import type { Config } from "../../config.js";
import type { ApprovalRow } from "../../db/schema.js";
import { handOffMessage } from "./hand-off-message.js";

/** Approvals are pending for this long, then expire (spec 30 §2: ~72 h). */
export const APPROVAL_TTL_MS = 72 * 3_600_000;

/** The page a signed-in human of the account confirms or declines on. */
export function approvalUrl(config: Pick<Config, "publicUrl">, approvalId: string): string {
  return `${config.publicUrl}/approvals/${encodeURIComponent(approvalId)}`;
}

/** The API shape (spec 30 §0.3). `proposalId` is set only on hires; `contractId` is null on hires. */
export function toApproval(config: Pick<Config, "publicUrl">, row: ApprovalRow): Approval {
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    contractId: row.type === "proposal_hire" ? null : row.contractId,
    milestoneId: row.type === "milestone_fund" || row.type === "milestone_approve" ? row.milestoneId : null,
    jobId: row.jobId,
    proposalId: row.type === "proposal_hire" ? row.proposalId : null,
    approvalUrl: approvalUrl(config, row.id),
    expiresAt: iso(row.expiresAt),
    resolvedAt: iso(row.resolvedAt),
    result: row.status === "confirmed" ? (row.result as never) : null,
    supersededBy: row.supersededById,
    createdAt: iso(row.createdAt),
  } as Approval;
}

/** The 202 body of a co-signed request: `{ approval, message }`. */
export function coSignAnswer(
  config: Pick<Config, "publicUrl">,
  row: ApprovalRow,
): { approval: Approval; message: string } {
  return { approval: toApproval(config, row), message: handOffMessage(config, row) };
}
