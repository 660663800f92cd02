import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { getProposal } from "../../services/proposals/get-proposal.js";

export const get: Handler<typeof operations.proposalsGet> = (ctx, input) =>
  getProposal(ctx, principalOf(ctx), input.proposalId);
