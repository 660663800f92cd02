import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { listJobProposals } from "../../services/proposals/list-job-proposals.js";

export const listProposals: Handler<typeof operations.jobsListProposals> = (ctx, input) =>
  listJobProposals(ctx, principalOf(ctx), input);
