import type { PublicJob } from "@opentrain-ai/contract";
import { eq } from "drizzle-orm";
import { accounts, jobs } from "../../db/schema.js";
import { notFound } from "../../errors.js";
import type { ServiceContext } from "../context.js";
import { toPublicJob } from "./public-job.js";
import { jobIdFromPathValue } from "./slug.js";

/** A job that exists but is not publicly listed (closed, draft, invite-only). */
export interface UnlistedJob {
  id: string;
  status: "closed";
}

/**
 * GET /jobs/{jobId}: the id or a `<slug>-<id>` URL value. Unknown ids are the usual 404;
 * existing but unlisted jobs answer `{ listed: false }` (the bare 404 body).
 */
export async function getPublicJob(
  ctx: ServiceContext,
  pathValue: string,
): Promise<{ listed: true; job: PublicJob } | { listed: false; body: UnlistedJob }> {
  const id = jobIdFromPathValue(pathValue);
  const [row] = await ctx.db
    .select({ job: jobs, companyName: accounts.name })
    .from(jobs)
    .innerJoin(accounts, eq(accounts.id, jobs.accountId))
    .where(eq(jobs.id, id))
    .limit(1);
  if (!row) throw notFound("No job with this id.", { resource: "jobs", jobId: pathValue });
  if (row.job.status !== "OPEN" || row.job.visibility !== "PUBLIC") {
    return { listed: false, body: { id: row.job.id, status: "closed" } };
  }
  return { listed: true, job: toPublicJob(row.job, row.companyName, ctx.config) };
}
