import type { ProposalRow, TrainerRow } from "../../db/schema.js";
import { badRequest, conflict, notFound } from "../../errors.js";
import type { ServiceContext } from "../../services/context.js";
import { findJob } from "../../services/jobs/find-job.js";
import { toMicros, type JobRow } from "../../services/jobs/fields.js";
import { findTrainerProposal } from "../../services/proposals/find-proposal.js";
import { respondToInvite } from "../../services/proposals/respond-to-invite.js";
import { submitProposal } from "../../services/proposals/submit-proposal.js";
import { findTrainer } from "../../services/trainers/find-trainer.js";
import { bidUnitOf, generateApplication } from "./application.js";
import { simulationSeed } from "./seed.js";

export interface ApplyResult {
  proposal: ProposalRow;
  /** A pending invitation of the trainer was accepted instead of a new proposal. */
  invitationAccepted: boolean;
}

/** Longest cover note a person may write in the trainer console. */
export const COVER_NOTE_MAX = 5_000;

/**
 * A sandbox trainer applies to a job: the simulated application (bid, cover note, interview,
 * scores) is submitted through the proposals service, exactly as the simulator's scheduled
 * applications are. Used by the `POST /trainers/{trainerId}/proposals` helper and the trainer
 * console (which may also write the cover note). A pending invitation of the trainer is
 * accepted instead. 404 unknown trainer or job; 409 job_not_published, freelancer_unavailable,
 * already_applied.
 */
export async function applyAsTrainer(
  ctx: ServiceContext,
  input: { trainerId: string; jobId: string; bid?: { amountUsd?: number; unit?: string }; coverNote?: string },
): Promise<ApplyResult> {
  const trainer = await findTrainer(ctx, input.trainerId);
  if (!trainer) {
    throw notFound("No sandbox trainer with this id (GET /api/sandbox/v1/trainers lists them).", {
      resource: "trainers",
      trainerId: input.trainerId,
    });
  }
  const job = await findJob(ctx, input.jobId.trim());
  if (!job) throw notFound("No job with this id.", { resource: "jobs", jobId: input.jobId });
  const bidMicros = bidOverride(job, input.bid);
  const coverNote = coverNoteOverride(input.coverNote);
  const at = ctx.clock.now();
  const seed = simulationSeed(ctx.config.sandboxSeed, job);
  const existing = await findTrainerProposal(ctx, job.id, trainer.id);
  if (existing?.source === "INVITED" && existing.invitationStatus === "PENDING") {
    const content = generateApplication(job, trainer, seed, at, { bidMicros, earliest: existing.invitedAt });
    if (coverNote !== undefined) content.coverNote = coverNote;
    const r = await respondToInvite(ctx, { proposalId: existing.id, response: { accept: true, content }, at });
    if (r.changed) return { proposal: r.proposal, invitationAccepted: true };
  }
  const content = generateApplication(job, trainer, seed, at, { bidMicros, earliest: job.publishedAt });
  if (coverNote !== undefined) content.coverNote = coverNote;
  const outcome = await submitProposal(ctx, { jobId: job.id, trainer, content, at });
  if (!outcome.created) throw alreadyApplied(trainer, outcome.existing);
  return { proposal: outcome.proposal, invitationAccepted: false };
}

function alreadyApplied(trainer: TrainerRow, existing: ProposalRow) {
  return conflict("This trainer already has a proposal on this job.", {
    reason: "already_applied",
    proposalId: existing.id,
    jobId: existing.jobId,
    trainerId: trainer.id,
  });
}

/** A cover note written by a person (trimmed; blank keeps the simulated one). */
export function coverNoteOverride(text: string | undefined): string | undefined {
  const note = text?.trim();
  if (!note) return undefined;
  if (note.length > COVER_NOTE_MAX) {
    throw badRequest(`The cover note is ${note.length} characters long; keep it to ${COVER_NOTE_MAX}.`, {
      field: "coverNote",
    });
  }
  return note;
}

/** The helper's bid override in micro-dollars; its unit, when given, must be the job's. */
export function bidOverride(job: JobRow, bid: { amountUsd?: number; unit?: string } | undefined): number | undefined {
  if (!bid) return undefined;
  const unit = bidUnitOf(job);
  if (
    bid.unit !== undefined &&
    bid.unit
      .trim()
      .toUpperCase()
      .replace(/[\s-]+/g, "_") !== unit
  ) {
    throw badRequest(`bid.unit must be ${unit}: this job is paid ${job.paymentType}.`, { field: "bid.unit", unit });
  }
  if (bid.amountUsd === undefined) return undefined;
  const micros = toMicros(bid.amountUsd);
  if (micros <= 0 || Math.abs(micros / 1_000_000 - bid.amountUsd) > 1e-9) {
    throw badRequest("bid.amountUsd must be a positive USD amount with at most 6 decimals.", {
      field: "bid.amountUsd",
    });
  }
  return micros;
}
