import { and, desc, eq } from "drizzle-orm";
import { accounts, conversations, interviews, jobs, proposals, type ProposalRow } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";

export interface TrainerProposal {
  proposal: ProposalRow;
  jobTitle: string;
  jobStatus: string;
  companyName: string;
  interviewScore: number | null;
  /** The pre-hire thread, once the employer opened one. */
  conversationId: string | null;
}

/** How many of a trainer's proposals the console shows (newest first). */
export const TRAINER_PROPOSALS_SHOWN = 100;

/**
 * A trainer's proposals and invitations, newest first, with the job, its company, the
 * interview score and the pre-hire thread: what the sandbox trainer console shows the person
 * acting as the trainer. Pure read; sandbox-sized (no index on trainer_id: the pool is small).
 */
export async function listTrainerProposals(ctx: ServiceContext, trainerId: string): Promise<TrainerProposal[]> {
  const rows = await ctx.db
    .select({
      proposal: proposals,
      jobTitle: jobs.title,
      jobStatus: jobs.status,
      companyName: accounts.name,
      interviewScore: interviews.score,
      conversationId: conversations.id,
    })
    .from(proposals)
    .innerJoin(jobs, eq(jobs.id, proposals.jobId))
    .innerJoin(accounts, eq(accounts.id, jobs.accountId))
    .leftJoin(interviews, eq(interviews.proposalId, proposals.id))
    .leftJoin(conversations, and(eq(conversations.kind, "PROPOSAL"), eq(conversations.proposalId, proposals.id)))
    .where(eq(proposals.trainerId, trainerId))
    .orderBy(desc(proposals.createdAt), desc(proposals.id))
    .limit(TRAINER_PROPOSALS_SHOWN);
  return rows.map((r) => ({ ...r, jobTitle: r.jobTitle ?? "Untitled job" }));
}
