import { jobChanges, type JobChangeType } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";

/** Appends an entry to the public changes feed (call inside the transaction of the change). */
export async function recordJobChange(ctx: ServiceContext, jobId: string, eventType: JobChangeType, at: Date) {
  await ctx.db.insert(jobChanges).values({ jobId, eventType, occurredAt: at });
}
