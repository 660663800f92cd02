import type { ProposalRow } from "../../db/schema.js";
import { conflict, notFound } from "../../errors.js";
import type { ServiceContext } from "../../services/context.js";
import { findProposal } from "../../services/proposals/find-proposal.js";
import { respondToInvite } from "../../services/proposals/respond-to-invite.js";
import { generateApplication } from "./application.js";
import { bidOverride, coverNoteOverride } from "./apply-as-trainer.js";
import { simulationSeed } from "./seed.js";

const answered = (proposal: ProposalRow) =>
  conflict(
    `This invitation was already ${proposal.invitationStatus === "DECLINED" ? "declined" : "accepted"}; it can be answered once.`,
    { reason: "invitation_already_answered", proposalId: proposal.id, invitationStatus: proposal.invitationStatus },
  );

/**
 * A sandbox trainer answers an invitation from the trainer console, through the same service as
 * the simulated trainers: accepting submits the simulated application (bid and cover note may
 * be the person's own), declining declines. 404 when the invitation is not this trainer's;
 * 409 invitation_already_answered, or job_not_published when accepting on a closed job.
 */
export async function answerInvitationAsTrainer(
  ctx: ServiceContext,
  input: { trainerId: string; proposalId: string; accept: boolean; bidAmountUsd?: number; coverNote?: string },
): Promise<ProposalRow> {
  const found = await findProposal(ctx, input.proposalId);
  if (!found || found.trainer.id !== input.trainerId || found.proposal.source !== "INVITED") {
    throw notFound("This trainer has no invitation with this id.", {
      resource: "proposals",
      proposalId: input.proposalId,
    });
  }
  const { proposal, job, trainer } = found;
  if (proposal.invitationStatus !== "PENDING") throw answered(proposal);
  if (!input.accept) {
    const r = await respondToInvite(ctx, { proposalId: proposal.id, response: { accept: false } });
    if (!r.changed) throw answered(r.proposal);
    return r.proposal;
  }
  const bidMicros = bidOverride(job, input.bidAmountUsd === undefined ? undefined : { amountUsd: input.bidAmountUsd });
  const coverNote = coverNoteOverride(input.coverNote);
  const at = ctx.clock.now();
  const content = generateApplication(job, trainer, simulationSeed(ctx.config.sandboxSeed, job), at, {
    bidMicros,
    earliest: proposal.invitedAt,
  });
  if (coverNote !== undefined) content.coverNote = coverNote;
  const r = await respondToInvite(ctx, { proposalId: proposal.id, response: { accept: true, content }, at });
  if (!r.changed) throw answered(r.proposal);
  return r.proposal;
}
