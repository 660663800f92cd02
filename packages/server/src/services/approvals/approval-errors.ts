import type { ApprovalRow } from "../../db/schema.js";
import { conflict, notFound } from "../../errors.js";

export const approvalNotFound = (approvalId: string) =>
  notFound("No approval with this id is visible to you.", { resource: "approvals", approvalId });

const WHY: Record<string, string> = {
  confirmed: "This request was already confirmed; it has been carried out.",
  declined: "This request was declined; nothing was carried out. The agent must ask again.",
  expired: "This request expired (or was replaced by a newer one); nothing was carried out. The agent must ask again.",
};

/** 409 `approval_not_pending`: only a pending approval can be confirmed or declined. */
export const approvalNotPending = (row: ApprovalRow) =>
  conflict(WHY[row.status] ?? "This request is no longer pending.", {
    reason: "approval_not_pending",
    approvalId: row.id,
    status: row.status,
    ...(row.supersededById ? { supersededBy: row.supersededById } : {}),
  });
