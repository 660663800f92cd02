import { and, eq } from "drizzle-orm";
import { jobs, proposals, trainers, type ProposalRow, type TrainerRow } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";
import type { JobRow } from "../jobs/fields.js";

/** A proposal with its job and trainer, whoever owns the job (simulator work); null when unknown. */
export async function findProposal(
  ctx: ServiceContext,
  proposalId: string,
): Promise<{ proposal: ProposalRow; job: JobRow; trainer: TrainerRow } | null> {
  const [row] = await ctx.db
    .select({ proposal: proposals, job: jobs, trainer: trainers })
    .from(proposals)
    .innerJoin(jobs, eq(jobs.id, proposals.jobId))
    .innerJoin(trainers, eq(trainers.id, proposals.trainerId))
    .where(eq(proposals.id, proposalId))
    .limit(1);
  return row ?? null;
}

/** The proposal a trainer has on a job, if any (at most one: proposals_job_trainer_key). */
export async function findTrainerProposal(
  ctx: ServiceContext,
  jobId: string,
  trainerId: string,
): Promise<ProposalRow | null> {
  const [row] = await ctx.db
    .select()
    .from(proposals)
    .where(and(eq(proposals.jobId, jobId), eq(proposals.trainerId, trainerId)))
    .limit(1);
  return row ?? null;
}
