import { eq } from "drizzle-orm";
import { jobs } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";
import type { JobRow } from "./fields.js";

/**
 * Any account's job by id, for work that is not done on the owner's behalf (the sandbox
 * simulator, trainers applying). `lock: "share"` holds it against a concurrent close or edit.
 */
export async function findJob(
  ctx: ServiceContext,
  jobId: string,
  opts: { lock?: "share" | "update" } = {},
): Promise<JobRow | null> {
  const query = ctx.db.select().from(jobs).where(eq(jobs.id, jobId)).limit(1);
  const [row] = opts.lock ? await query.for(opts.lock) : await query;
  return row ?? null;
}
