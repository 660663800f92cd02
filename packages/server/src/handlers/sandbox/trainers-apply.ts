import type { operations } from "@opentrain-ai/contract";
import { StatusResult, type Handler } from "../../http/request-context.js";
import { applyAsTrainer } from "../../sandbox/simulator/apply-as-trainer.js";

/** 201 with the new proposal; 200 when the trainer's pending invitation was accepted instead. */
export const trainersApply: Handler<typeof operations.sandboxTrainersApply> = async (ctx, input) => {
  const { proposal, invitationAccepted } = await applyAsTrainer(ctx, input);
  const body = {
    ok: true as const,
    proposalId: proposal.id,
    jobId: proposal.jobId,
    trainerId: proposal.trainerId,
    invitationAccepted,
  };
  return invitationAccepted ? new StatusResult(200, body) : body;
};
