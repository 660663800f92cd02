import { inArray } from "drizzle-orm";
import { jobProposalCounts } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";

export interface ProposalCounts {
  total: number;
  unreviewed: number;
}

/**
 * Proposal counts of a page of jobs: one primary-key read per job of `job_proposal_counts`,
 * which a trigger on `proposals` keeps in the transaction of every proposal write (migration
 * 0009), so the cost does not grow with the number of proposals.
 */
export async function countJobProposals(
  ctx: ServiceContext,
  jobIds: readonly string[],
): Promise<Map<string, ProposalCounts>> {
  const out = new Map<string, ProposalCounts>();
  if (jobIds.length === 0) return out;
  const rows = await ctx.db
    .select()
    .from(jobProposalCounts)
    .where(inArray(jobProposalCounts.jobId, [...jobIds]));
  for (const r of rows) out.set(r.jobId, { total: r.total, unreviewed: r.unreviewed });
  return out;
}
