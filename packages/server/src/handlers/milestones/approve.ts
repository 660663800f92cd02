import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { coSignAnswer } from "../../services/approvals/approval-view.js";
import { requestMilestoneRelease } from "../../services/milestones/request-release.js";

/** 202: the pending milestone_approve approval. */
export const approve: Handler<typeof operations.milestonesApprove> = async (ctx, input) => {
  const { approval } = await requestMilestoneRelease(ctx, principalOf(ctx), input.milestoneId);
  return coSignAnswer(ctx.config, approval) as never;
};
