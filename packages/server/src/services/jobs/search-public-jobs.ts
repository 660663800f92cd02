import { JOB_CATEGORIES, type InputOf, type OutputOf, type operations } from "@opentrain-ai/contract";
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { LRUCache } from "lru-cache";
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
import { cachedMatches, type SearchMatch } from "./search-cache.js";

type Input = InputOf<typeof operations.jobsSearch>;
type Page = OutputOf<typeof operations.jobsSearch>;

/** Whether a query string has searchable words depends on the string alone. */
const searchableQueries = new LRUCache<string, boolean>({ max: 5000 });

/** True when `q` has searchable words (a query of stop words alone matches everything). */
async function hasSearchTerms(ctx: ServiceContext, q: string): Promise<boolean> {
  const known = searchableQueries.get(q);
  if (known !== undefined) return known;
  const res = await ctx.db.execute<{ n: number }>(
    sql`SELECT numnode(websearch_to_tsquery(${SEARCH_CONFIG}, ${q})) AS n`,
  );
  const searchable = Number(rowsOf<{ n: number }>(res)[0]?.n ?? 0) > 0;
  searchableQueries.set(q, searchable);
  return searchable;
}

/**
 * A text query ranks only the most recent matches, so ranking and paging cost is bounded however
 * many jobs match; finding them is a GIN bitmap scan over the matches. The ranked window is
 * cached until the public listing changes (search-cache.ts). Results past the window are not
 * returned.
 */
export const SEARCH_WINDOW = 1000;

/**
 * GET /jobs: OPEN public jobs. With `q`, full-text matches (websearch syntax) among the
 * SEARCH_WINDOW most recent matches, ranked by ts_rank, then newest; without, newest first.
 * Keyset cursor over the sort key.
 */
export async function searchPublicJobs(ctx: ServiceContext, input: Input): Promise<Page> {
  const limit = input.limit ?? 20;
  const generatedAt = iso(ctx.clock.now());
  const where: SQL[] = [publiclyListed];
  const q = input.q?.trim() && (await hasSearchTerms(ctx, input.q.trim())) ? input.q.trim() : null;
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
  if (q) {
    // Everything that selects the window; the cursor and limit only page through it.
    const key = JSON.stringify([q, input.category, input.language, input.country, input.payType]);
    return rankedSearch(ctx, { q, key }, where, input.cursor, limit, generatedAt);
  }

  if (input.cursor) {
    const [, publishedAt, id] = decodeCursor(input.cursor, ["number", "string", "string"]) as [number, string, string];
    where.push(sql`(${jobs.publishedAt}, ${jobs.id}) < (${iso(cursorDate(publishedAt))}::timestamptz, ${id}::text)`);
  }
  const rows = await ctx.db
    .select({ job: jobs, companyName: accounts.name })
    .from(jobs)
    .innerJoin(accounts, eq(accounts.id, jobs.accountId))
    .where(and(...where))
    .orderBy(desc(jobs.publishedAt), desc(jobs.id))
    .limit(limit + 1);
  const page = toPage(rows, limit, (row) => [0, iso(row.job.publishedAt!), row.job.id]);
  return {
    jobs: page.items.map((row) => toPublicJob(row.job, row.companyName, ctx.config)),
    nextCursor: page.nextCursor,
    generatedAt,
  };
}

/**
 * Ranks the window of recent matches in memory (cached until the listing changes), pages
 * through it by (rank, publishedAt, id), then loads the page's jobs.
 */
async function rankedSearch(
  ctx: ServiceContext,
  search: { q: string; key: string },
  where: SQL[],
  cursor: string | undefined,
  limit: number,
  generatedAt: string,
): Promise<Page> {
  let after: (m: SearchMatch) => boolean = () => true;
  if (cursor) {
    const [r, publishedAt, id] = decodeCursor(cursor, ["number", "string", "string"]) as [number, string, string];
    const at = iso(cursorDate(publishedAt));
    after = (m) => m.rank < r || (m.rank === r && (m.publishedAt < at || (m.publishedAt === at && m.id < id)));
  }
  const window = await cachedMatches(ctx, search.key, () => recentMatches(ctx, search.q, where));
  const ranked = window.filter(after).slice(0, limit + 1);
  const page = toPage(ranked, limit, (m) => [m.rank, m.publishedAt, m.id]);
  if (page.items.length === 0) return { jobs: [], nextCursor: null, generatedAt };
  const rows = await ctx.db
    .select({ job: jobs, companyName: accounts.name })
    .from(jobs)
    .innerJoin(accounts, eq(accounts.id, jobs.accountId))
    .where(
      and(
        publiclyListed,
        inArray(
          jobs.id,
          page.items.map((m) => m.id),
        ),
      ),
    );
  const byId = new Map(rows.map((row) => [row.job.id, row]));
  return {
    jobs: page.items.flatMap((m) => {
      const row = byId.get(m.id);
      return row ? [toPublicJob(row.job, row.companyName, ctx.config)] : [];
    }),
    nextCursor: page.nextCursor,
    generatedAt,
  };
}

const compareDesc = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0);

/**
 * The SEARCH_WINDOW most recent matches with their ts_rank, best first (ties: newest, then id).
 * The rank is computed outside the LIMIT, so only for the rows kept.
 */
async function recentMatches(ctx: ServiceContext, q: string, where: SQL[]): Promise<SearchMatch[]> {
  const query = sql`websearch_to_tsquery(${SEARCH_CONFIG}, ${q})`;
  const rows = rowsOf<{ id: string; rank: number; published_at: string | Date }>(
    await ctx.db.execute(sql`
      SELECT w.id, ts_rank(w.search_vector, ${query}) AS rank, w.published_at FROM (
        SELECT ${jobs.id} AS id, ${jobs.publishedAt} AS published_at, search_vector
        FROM ${jobs}
        WHERE ${and(...where, sql`search_vector @@ ${query}`)}
        -- "+ interval '0'" keeps the planner on the GIN index: walking the recency index instead
        -- would read and test the search vector of every row it passes.
        ORDER BY ${jobs.publishedAt} + interval '0' DESC, ${jobs.id} DESC
        LIMIT ${SEARCH_WINDOW}
      ) w`),
  );
  return rows
    .map((r) => ({ id: r.id, rank: Number(r.rank), publishedAt: iso(new Date(r.published_at)) }))
    .sort((a, b) => b.rank - a.rank || compareDesc(a.publishedAt, b.publishedAt) || compareDesc(a.id, b.id));
}
