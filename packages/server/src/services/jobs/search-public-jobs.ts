import { JOB_CATEGORIES, type InputOf, type OutputOf, type operations } from "@opentrain-ai/contract";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { iso } from "../../clock.js";
import { rowsOf } from "../../db/migrate.js";
import { accounts, jobs } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";
import { countryCode } from "../job-drafts/import/text-utils.js";
import { decodeCursor, toPage } from "../pagination.js";
import { cursorDate } from "./cursor.js";
import { canonicalLanguage } from "./languages.js";
import { publiclyListed, SEARCH_CONFIG } from "./public-listing.js";
import { toPublicJob } from "./public-job.js";

type Input = InputOf<typeof operations.jobsSearch>;
type Page = OutputOf<typeof operations.jobsSearch>;

/** True when `q` has searchable words (a query of stop words alone matches everything). */
async function hasSearchTerms(ctx: ServiceContext, q: string): Promise<boolean> {
  const res = await ctx.db.execute<{ n: number }>(
    sql`SELECT numnode(websearch_to_tsquery(${SEARCH_CONFIG}, ${q})) AS n`,
  );
  return Number(rowsOf<{ n: number }>(res)[0]?.n ?? 0) > 0;
}

/**
 * GET /jobs: OPEN public jobs. With `q`, full-text matches (websearch syntax) ranked by
 * ts_rank, then newest; without, newest first. Keyset cursor over the sort key.
 */
export async function searchPublicJobs(ctx: ServiceContext, input: Input): Promise<Page> {
  const limit = input.limit ?? 20;
  const generatedAt = iso(ctx.clock.now());
  const where: SQL[] = [publiclyListed];
  const q = input.q?.trim() && (await hasSearchTerms(ctx, input.q.trim())) ? input.q.trim() : null;
  const query = q ? sql`websearch_to_tsquery(${SEARCH_CONFIG}, ${q})` : null;
  const rank = query ? sql<number>`ts_rank(search_vector, ${query})` : sql<number>`0::real`;
  if (query) where.push(sql`search_vector @@ ${query}`);
  if (input.category) {
    const category = JOB_CATEGORIES.find((c) => c.toLowerCase() === input.category!.trim().toLowerCase());
    if (!category) return { jobs: [], nextCursor: null, generatedAt };
    where.push(eq(jobs.category, category));
  }
  if (input.language) where.push(sql`${jobs.languages} @> ARRAY[${canonicalLanguage(input.language)}]::text[]`);
  if (input.country) {
    const code = countryCode(input.country);
    if (!code) return { jobs: [], nextCursor: null, generatedAt };
    where.push(sql`${jobs.countryKeys} && ARRAY[${code}, '*']::text[]`);
  }
  if (input.payType) where.push(eq(jobs.paymentType, input.payType));
  if (input.cursor) {
    const [r, publishedAt, id] = decodeCursor(input.cursor, ["number", "string", "string"]) as [number, string, string];
    const after = sql`(${jobs.publishedAt}, ${jobs.id}) < (${iso(cursorDate(publishedAt))}::timestamptz, ${id}::text)`;
    where.push(query ? sql`(${rank} < ${r}::real OR (${rank} = ${r}::real AND ${after}))` : after);
  }
  const rows = await ctx.db
    .select({ job: jobs, companyName: accounts.name, rank })
    .from(jobs)
    .innerJoin(accounts, eq(accounts.id, jobs.accountId))
    .where(and(...where))
    .orderBy(...(query ? [desc(rank)] : []), desc(jobs.publishedAt), desc(jobs.id))
    .limit(limit + 1);
  const page = toPage(rows, limit, (row) => [Number(row.rank), iso(row.job.publishedAt!), row.job.id]);
  return {
    jobs: page.items.map((row) => toPublicJob(row.job, row.companyName, ctx.config)),
    nextCursor: page.nextCursor,
    generatedAt,
  };
}
