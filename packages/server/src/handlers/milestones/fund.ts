import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { coSignAnswer } from "../../services/approvals/approval-view.js";
import { requestMilestoneFunding } from "../../services/milestones/request-funding.js";

/** 202: the pending milestone_fund approval. */
export const fund: Handler<typeof operations.milestonesFund> = async (ctx, input) => {
  const { approval } = await requestMilestoneFunding(ctx, principalOf(ctx), input.milestoneId);
  return coSignAnswer(ctx.config, approval) as never;
};
