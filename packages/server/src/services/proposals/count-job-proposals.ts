import { count, inArray, sql } from "drizzle-orm";
import { proposals } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";

export interface ProposalCounts {
  total: number;
  unreviewed: number;
}

/** Proposal counts of a page of jobs (one grouped query over proposals_job_status_created_idx). */
export async function countJobProposals(
  ctx: ServiceContext,
  jobIds: readonly string[],
): Promise<Map<string, ProposalCounts>> {
  const out = new Map<string, ProposalCounts>();
  if (jobIds.length === 0) return out;
  const rows = await ctx.db
    .select({
      jobId: proposals.jobId,
      total: count(),
      unreviewed: sql<number>`count(*) FILTER (WHERE ${proposals.status} = 'UNREVIEWED')`.mapWith(Number),
    })
    .from(proposals)
    .where(inArray(proposals.jobId, [...jobIds]))
    .groupBy(proposals.jobId);
  for (const r of rows) out.set(r.jobId, { total: r.total, unreviewed: r.unreviewed });
  return out;
}
