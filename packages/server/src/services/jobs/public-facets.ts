import { PAYMENT_TYPES, type OutputOf, type operations } from "@opentrain-ai/contract";
import { sql } from "drizzle-orm";
import { iso } from "../../clock.js";
import { rowsOf } from "../../db/migrate.js";
import type { ServiceContext } from "../context.js";
import { publiclyListed } from "./public-listing.js";

type Facets = OutputOf<typeof operations.jobsFacets>;
type Bucket = { value: string; count: number };

async function buckets(ctx: ServiceContext, valueSql: ReturnType<typeof sql>): Promise<Bucket[]> {
  const res = await ctx.db.execute(
    sql`SELECT value, count(*)::int AS count FROM (SELECT ${valueSql} AS value FROM jobs WHERE ${publiclyListed}) v
        WHERE value IS NOT NULL GROUP BY value ORDER BY count DESC, value ASC`,
  );
  return rowsOf<{ value: string; count: number | string }>(res).map((r) => ({
    value: r.value,
    count: Number(r.count),
  }));
}

/** GET /jobs/facets: counts over the OPEN public jobs, each list by count descending. */
export async function publicFacets(ctx: ServiceContext): Promise<Facets> {
  const total = await ctx.db.execute(sql`SELECT count(*)::int AS n FROM jobs WHERE ${publiclyListed}`);
  const payTypes = await buckets(ctx, sql`payment_type`);
  return {
    totalJobs: Number(rowsOf<{ n: number | string }>(total)[0]?.n ?? 0),
    categories: await buckets(ctx, sql`category`),
    languages: await buckets(ctx, sql`unnest(languages)`),
    countries: await buckets(ctx, sql`unnest(countries)`),
    payTypes: payTypes.filter((b): b is { value: (typeof PAYMENT_TYPES)[number]; count: number } =>
      (PAYMENT_TYPES as readonly string[]).includes(b.value),
    ),
    generatedAt: iso(ctx.clock.now()),
  };
}
