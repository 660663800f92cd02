import { and, eq } from "drizzle-orm";
import { jobs } from "../../db/schema.js";
import { notFound } from "../../errors.js";
import type { ServiceContext } from "../context.js";
import type { JobRow } from "./fields.js";

/** One of the account's jobs; another account's id is a 404 like an unknown one. */
export async function findOwnedJob(
  ctx: ServiceContext,
  accountId: string,
  jobId: string,
  opts: { lock?: boolean } = {},
): Promise<JobRow> {
  const query = ctx.db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, jobId), eq(jobs.accountId, accountId)))
    .limit(1);
  const [row] = opts.lock ? await query.for("update") : await query;
  if (!row) throw notFound("No job with this id on this account.", { resource: "jobs", jobId });
  return row;
}
