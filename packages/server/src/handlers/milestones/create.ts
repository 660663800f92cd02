import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { createMilestone } from "../../services/milestones/create-milestone.js";

/** 201 with the NOT_FUNDED milestone. */
export const create: Handler<typeof operations.milestonesCreate> = async (ctx, input) => ({
  milestone: await createMilestone(ctx, principalOf(ctx).accountId, input),
});
