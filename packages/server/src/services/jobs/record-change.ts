import { jobChanges, type JobChangeType } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";
import { listingChanged } from "./listing-cache.js";

/**
 * Appends an entry to the public changes feed (call inside the transaction of the change) and
 * voids the cached listing answers of every process once it commits.
 */
export async function recordJobChange(ctx: ServiceContext, jobId: string, eventType: JobChangeType, at: Date) {
  await ctx.db.insert(jobChanges).values({ jobId, eventType, occurredAt: at });
  await listingChanged(ctx);
}
