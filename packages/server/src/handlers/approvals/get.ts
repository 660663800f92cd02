import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { toApproval } from "../../services/approvals/approval-view.js";
import { getApproval } from "../../services/approvals/get-approval.js";

export const get: Handler<typeof operations.approvalsGet> = async (ctx, input) => ({
  approval: toApproval(ctx.config, await getApproval(ctx, principalOf(ctx), input.approvalId)),
});
