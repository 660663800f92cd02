import type { operations } from "@opentrain-ai/contract";
import { principalOf, StatusResult, type Handler } from "../../http/request-context.js";
import { startProposalConversation as start } from "../../services/messages/start-proposal-conversation.js";

/** 201 when the thread is new, 200 when it already existed. */
export const startProposalConversation: Handler<typeof operations.proposalsStartConversation> = async (ctx, input) => {
  const result = await start(ctx, principalOf(ctx), input.proposalId);
  return result.created ? result : new StatusResult(200, result);
};
