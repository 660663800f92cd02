import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { getInterview } from "../../services/proposals/get-interview.js";

export const interview: Handler<typeof operations.proposalsInterview> = (ctx, input) =>
  getInterview(ctx, principalOf(ctx), input.proposalId);
