import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { coSignAnswer } from "../../services/approvals/approval-view.js";
import { hireProposal } from "../../services/proposals/hire-proposal.js";

/** 202: the pending proposal_hire approval (the same one for the same terms). */
export const hire: Handler<typeof operations.proposalsHire> = async (ctx, input) => {
  const { approval } = await hireProposal(ctx, principalOf(ctx), input);
  return coSignAnswer(ctx.config, approval) as never;
};
