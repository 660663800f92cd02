import type { ApprovalRow } from "../../db/schema.js";
import { withTransaction, type ServiceContext } from "../context.js";
import { approvalNotFound, approvalNotPending } from "./approval-errors.js";
import { applyExpiry, lockApproval } from "./expire-approval.js";
import { resolveApproval } from "./resolve-approval.js";

/**
 * The human declines: nothing executes, the approval becomes `declined` (with its
 * approval.confirmed event). Only a pending approval can be declined (409
 * `approval_not_pending` otherwise; past its expiry it is expired first).
 */
export async function declineApproval(
  ctx: ServiceContext,
  approvalId: string,
  accountIds: readonly string[] | null,
  signerUserId: string | null,
): Promise<ApprovalRow> {
  const outcome = await withTransaction(ctx, async (tx) => {
    const locked = await lockApproval(tx, approvalId);
    if (!locked || (accountIds && !accountIds.includes(locked.accountId))) throw approvalNotFound(approvalId);
    const row = await applyExpiry(tx, locked);
    if (row.status !== "pending") return { declined: false as const, row };
    const declined = await resolveApproval(tx, row, { status: "declined", at: tx.clock.now(), byUserId: signerUserId });
    return { declined: true as const, row: declined };
  });
  if (!outcome.declined) throw approvalNotPending(outcome.row);
  return outcome.row;
}
