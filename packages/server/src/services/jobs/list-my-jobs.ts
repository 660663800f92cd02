import type { InputOf, OutputOf, operations } from "@opentrain-ai/contract";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { iso } from "../../clock.js";
import { jobs } from "../../db/schema.js";
import type { Principal, ServiceContext } from "../context.js";
import { decodeCursor, toPage } from "../pagination.js";
import { countJobProposals } from "../proposals/count-job-proposals.js";
import { cursorDate } from "./cursor.js";
import { jobUrl } from "./urls.js";

type Input = InputOf<typeof operations.jobsMine>;
type Page = OutputOf<typeof operations.jobsMine>;

const PUBLISHED_STATUSES = new Set(["OPEN", "ONGOING", "COMPLETED"]);

/**
 * GET /jobs/mine: newest first, keyset over (created_at, id), served by
 * jobs_account_created_idx or jobs_account_status_created_idx.
 */
export async function listMyJobs(ctx: ServiceContext, principal: Principal, input: Input): Promise<Page> {
  const limit = input.limit ?? 25;
  const where: SQL[] = [eq(jobs.accountId, principal.accountId)];
  if (input.status) where.push(eq(jobs.status, input.status));
  if (input.cursor) {
    const [createdAt, id] = decodeCursor(input.cursor, ["string", "string"]) as [string, string];
    where.push(sql`(${jobs.createdAt}, ${jobs.id}) < (${iso(cursorDate(createdAt))}::timestamptz, ${id}::text)`);
  }
  const rows = await ctx.db
    .select()
    .from(jobs)
    .where(and(...where))
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(limit + 1);
  const page = toPage(rows, limit, (r) => [iso(r.createdAt), r.id]);
  const counts = await countJobProposals(
    ctx,
    page.items.map((r) => r.id),
  );
  return {
    jobs: page.items.map((r) => ({
      id: r.id,
      title: r.title ?? "Untitled draft",
      status: r.status,
      // Ever published (an ARCHIVED job that was live once counts).
      published: PUBLISHED_STATUSES.has(r.status) || r.firstPublishedAt !== null,
      acceptingApplicants: r.status === "OPEN",
      createdAt: iso(r.createdAt),
      updatedAt: iso(r.updatedAt),
      jobUrl: jobUrl(ctx.config, r),
      proposalCounts: counts.get(r.id) ?? { total: 0, unreviewed: 0 },
    })),
    nextCursor: page.nextCursor,
  };
}
