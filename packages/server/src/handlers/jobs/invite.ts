import type { operations } from "@opentrain-ai/contract";
import { principalOf, StatusResult, type Handler } from "../../http/request-context.js";
import { inviteTrainer } from "../../services/proposals/invite-trainer.js";

/** 201 for a new invitation, 200 for the idempotent repeat (`alreadyInvited: true`). */
export const invite: Handler<typeof operations.jobsInvite> = async (ctx, input) => {
  const { created, result } = await inviteTrainer(ctx, principalOf(ctx), input);
  return created ? result : new StatusResult(200, result);
};
