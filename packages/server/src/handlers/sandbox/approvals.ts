import type { operations } from "@opentrain-ai/contract";
import type { Handler } from "../../http/request-context.js";
import { approvalAccountOwner } from "../../services/approvals/account-owner.js";
import { toApproval } from "../../services/approvals/approval-view.js";
import { confirmApproval } from "../../services/approvals/confirm-approval.js";
import { declineApproval } from "../../services/approvals/decline-approval.js";

/** Confirms as the account's owner would on the approval page (same service, same transaction). */
export const approvalsConfirm: Handler<typeof operations.sandboxApprovalsConfirm> = async (ctx, input) => {
  const signer = await approvalAccountOwner(ctx, input.approvalId);
  const row = await confirmApproval(ctx, input.approvalId, null, {
    signerUserId: signer,
    paymentSource: input.paymentSource,
    milestone: input.milestone,
  });
  return { approval: toApproval(ctx.config, row) };
};

/** Declines as the account's owner would on the approval page. */
export const approvalsDecline: Handler<typeof operations.sandboxApprovalsDecline> = async (ctx, input) => {
  const signer = await approvalAccountOwner(ctx, input.approvalId);
  const row = await declineApproval(ctx, input.approvalId, null, signer);
  return { approval: toApproval(ctx.config, row) };
};
