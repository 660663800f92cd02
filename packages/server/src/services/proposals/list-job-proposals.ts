import type { InputOf, OutputOf, operations } from "@opentrain-ai/contract";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { iso } from "../../clock.js";
import { interviews, proposals, trainers } from "../../db/schema.js";
import type { Principal, ServiceContext } from "../context.js";
import { cursorDate } from "../jobs/cursor.js";
import { findOwnedJob } from "../jobs/find-owned-job.js";
import { decodeCursor, toPage } from "../pagination.js";
import { interviewSummaryColumns } from "./find-owned-proposal.js";
import { toProposalSummary } from "./proposal-view.js";

type Input = InputOf<typeof operations.jobsListProposals>;
type Page = OutputOf<typeof operations.jobsListProposals>;

export const PROPOSALS_DEFAULT_LIMIT = 25;

/**
 * GET /jobs/{jobId}/proposals: newest first, keyset over (created_at, id), served by
 * proposals_job_created_idx or, with a status filter, proposals_job_status_created_idx.
 * The status arrives normalised (case, spaces and hyphens) by the contract's schema.
 */
export async function listJobProposals(ctx: ServiceContext, principal: Principal, input: Input): Promise<Page> {
  const job = await findOwnedJob(ctx, principal.accountId, input.jobId);
  const limit = input.limit ?? PROPOSALS_DEFAULT_LIMIT;
  const where: SQL[] = [eq(proposals.jobId, job.id)];
  if (input.status) where.push(eq(proposals.status, input.status));
  if (input.cursor) {
    const [createdAt, id] = decodeCursor(input.cursor, ["string", "string"]) as [string, string];
    where.push(
      sql`(${proposals.createdAt}, ${proposals.id}) < (${iso(cursorDate(createdAt))}::timestamptz, ${id}::text)`,
    );
  }
  const rows = await ctx.db
    .select({ proposal: proposals, trainer: trainers, interview: interviewSummaryColumns })
    .from(proposals)
    .innerJoin(trainers, eq(trainers.id, proposals.trainerId))
    .leftJoin(interviews, eq(interviews.proposalId, proposals.id))
    .where(and(...where))
    .orderBy(desc(proposals.createdAt), desc(proposals.id))
    .limit(limit + 1);
  const page = toPage(rows, limit, (r) => [iso(r.proposal.createdAt), r.proposal.id]);
  return {
    proposals: page.items.map((r) => toProposalSummary({ ...r, jobTitle: job.title })),
    nextCursor: page.nextCursor,
  };
}
