import type { operations } from "@opentrain-ai/contract";
import { iso } from "../../clock.js";
import type { Handler } from "../../http/request-context.js";
import { requestPayout } from "../../services/milestones/request-payout.js";

/** The trainer marks the funded work complete (idempotent: asking again changes nothing). */
export const milestonesRequestPayout: Handler<typeof operations.sandboxMilestonesRequestPayout> = async (
  ctx,
  input,
) => {
  const { milestone, requested } = await requestPayout(ctx, input.milestoneId);
  return {
    milestoneId: milestone.id,
    contractId: milestone.contractId,
    status: milestone.status,
    pendingApproval: true,
    payoutRequestedAt: iso(milestone.payoutRequestedAt),
    alreadyRequested: !requested,
  };
};
