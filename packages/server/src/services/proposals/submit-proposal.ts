import { and, eq } from "drizzle-orm";
import { proposals, type ProposalRow, type TrainerRow } from "../../db/schema.js";
import { conflict, notFound } from "../../errors.js";
import { newId } from "../../ids.js";
import { withTransaction, type ServiceContext } from "../context.js";
import { recordEvent } from "../events/record-event.js";
import { findJob } from "../jobs/find-job.js";
import { submissionColumns, type ProposalContent } from "./proposal-content.js";
import { recordInterview } from "./record-interview.js";

export type SubmitOutcome = { created: true; proposal: ProposalRow } | { created: false; existing: ProposalRow };

/**
 * A trainer applies to a job: the proposal (UNREVIEWED, source APPLIED) with its bid, cover note,
 * scores, verification snapshot and AI interview, and `proposal.received` in the job owner's
 * event log, all in one transaction. The job must be OPEN (409 job_not_published) and the trainer
 * available (409 freelancer_unavailable). A trainer has at most one proposal per job: when one
 * exists nothing is written and it is returned as `existing`, so running the same application
 * twice (or in two processes) is harmless.
 */
export async function submitProposal(
  ctx: ServiceContext,
  input: { jobId: string; trainer: TrainerRow; content: ProposalContent; at?: Date },
): Promise<SubmitOutcome> {
  return withTransaction(ctx, async (tx) => {
    const at = input.at ?? tx.clock.now();
    const job = await findJob(tx, input.jobId, { lock: "share" });
    if (!job) throw notFound("No job with this id.", { resource: "jobs", jobId: input.jobId });
    if (job.status !== "OPEN") {
      throw conflict(`Job ${job.id} is ${job.status}; trainers can only apply to a published (OPEN) job.`, {
        reason: "job_not_published",
        jobId: job.id,
        status: job.status,
      });
    }
    if (input.trainer.status !== "ACTIVE") {
      throw conflict("This AI trainer is not available for new work.", {
        reason: "freelancer_unavailable",
        freelancerId: input.trainer.id,
      });
    }
    const [created] = await tx.db
      .insert(proposals)
      .values({
        id: newId("prp"),
        jobId: job.id,
        trainerId: input.trainer.id,
        status: "UNREVIEWED",
        source: "APPLIED",
        ...submissionColumns(input.content, at),
        createdAt: at,
      })
      .onConflictDoNothing({ target: [proposals.jobId, proposals.trainerId] })
      .returning();
    if (!created) {
      const [existing] = await tx.db
        .select()
        .from(proposals)
        .where(and(eq(proposals.jobId, job.id), eq(proposals.trainerId, input.trainer.id)))
        .limit(1);
      return { created: false as const, existing: existing! };
    }
    if (input.content.interview) await recordInterview(tx, created.id, input.content.interview, at);
    await recordEvent(tx, {
      accountId: job.accountId,
      type: "proposal.received",
      resourceId: created.id,
      jobId: job.id,
      data: { proposalId: created.id, jobId: job.id },
      at,
    });
    return { created: true as const, proposal: created };
  });
}
