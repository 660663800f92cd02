import type { ApprovalType } from "@opentrain-ai/contract";
import type { ApprovalRow } from "../../db/schema.js";
import { badRequest } from "../../errors.js";
import { withTransaction, type ServiceContext } from "../context.js";
import { executeEnd } from "../contracts/execute-end.js";
import { executeHire } from "../contracts/execute-hire.js";
import { executeFunding } from "../milestones/execute-funding.js";
import { executeRelease } from "../milestones/execute-release.js";
import { approvalNotFound, approvalNotPending } from "./approval-errors.js";
import type { Confirmation, Execution } from "./confirmation.js";
import { applyExpiry, lockApproval } from "./expire-approval.js";
import { resolveApproval } from "./resolve-approval.js";

type Executor = (tx: ServiceContext, approval: ApprovalRow, c: Confirmation) => Promise<Execution>;

const EXECUTORS: Record<ApprovalType, Executor> = {
  proposal_hire: executeHire,
  milestone_fund: executeFunding,
  milestone_approve: executeRelease,
  contract_end: executeEnd,
};

/**
 * The human confirms: the approval's action runs in ONE transaction that first locks the
 * approval row (lock order approval → contract → milestone → balance) and checks it is still
 * pending, so parallel confirmations execute it once — the others get 409
 * `approval_not_pending`. Past its expiry it is expired instead (committed) and 409 follows.
 * Any failure of the action (a declined card: 402; credits that no longer cover it: 409) rolls
 * the whole action back and the approval stays pending, so the human can pick another source.
 * `accountIds` limits which accounts' approvals the caller may act on (the signer's memberships);
 * null for the sandbox helper.
 */
export async function confirmApproval(
  ctx: ServiceContext,
  approvalId: string,
  accountIds: readonly string[] | null,
  c: Confirmation,
): Promise<ApprovalRow> {
  const outcome = await withTransaction(ctx, async (tx) => {
    const locked = await lockApproval(tx, approvalId);
    if (!locked || (accountIds && !accountIds.includes(locked.accountId))) throw approvalNotFound(approvalId);
    const row = await applyExpiry(tx, locked);
    if (row.status !== "pending") return { confirmed: false as const, row };
    if (c.milestone && row.type !== "proposal_hire") {
      throw badRequest("Milestone edits apply to hire requests only.", { field: "milestone" });
    }
    const execution = await EXECUTORS[row.type](tx, row, c);
    const confirmed = await resolveApproval(tx, row, {
      status: "confirmed",
      at: tx.clock.now(),
      byUserId: c.signerUserId,
      result: execution.result,
      resolution: execution.resolution,
    });
    return { confirmed: true as const, row: confirmed };
  });
  if (!outcome.confirmed) throw approvalNotPending(outcome.row);
  return outcome.row;
}
