import { and, eq } from "drizzle-orm";
import { interviews, jobs, proposals, trainers } from "../../db/schema.js";
import { notFound } from "../../errors.js";
import type { ServiceContext } from "../context.js";
import type { ProposalRecord } from "./proposal-view.js";

/** The columns of an interview that proposal answers show (not the transcript). */
export const interviewSummaryColumns = {
  id: interviews.id,
  score: interviews.score,
  summary: interviews.summary,
};

/**
 * A proposal on one of the account's jobs, with its job title, trainer and interview summary.
 * A proposal on another account's job is a 404 like an unknown id.
 */
export async function findOwnedProposal(
  ctx: ServiceContext,
  accountId: string,
  proposalId: string,
): Promise<ProposalRecord> {
  const [row] = await ctx.db
    .select({ proposal: proposals, jobTitle: jobs.title, trainer: trainers, interview: interviewSummaryColumns })
    .from(proposals)
    .innerJoin(jobs, eq(jobs.id, proposals.jobId))
    .innerJoin(trainers, eq(trainers.id, proposals.trainerId))
    .leftJoin(interviews, eq(interviews.proposalId, proposals.id))
    .where(and(eq(proposals.id, proposalId), eq(jobs.accountId, accountId)))
    .limit(1);
  if (!row) {
    throw notFound("No proposal with this id on this account's jobs.", { resource: "proposals", proposalId });
  }
  return row;
}
