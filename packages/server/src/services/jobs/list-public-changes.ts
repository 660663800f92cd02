import type { OutputOf, operations } from "@opentrain-ai/contract";
import { asc, gte } from "drizzle-orm";
import { iso } from "../../clock.js";
import { jobChanges } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";

type Changes = OutputOf<typeof operations.jobsChanges>;

/** Most events read per call; on a full page `until` is the last event read, so none is skipped. */
export const MAX_CHANGE_EVENTS = 5_000;

/**
 * GET /jobs/changes: events at or after `since` (job_changes_occurred_idx), collapsed to the
 * latest per job, oldest first. Pass `until` back as the next `since`.
 */
export async function listPublicChanges(ctx: ServiceContext, since: string): Promise<Changes> {
  const from = new Date(since);
  const now = ctx.clock.now();
  const rows = await ctx.db
    .select()
    .from(jobChanges)
    .where(gte(jobChanges.occurredAt, from))
    .orderBy(asc(jobChanges.occurredAt), asc(jobChanges.id))
    .limit(MAX_CHANGE_EVENTS);
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    latest.delete(r.jobId); // re-insert so the map keeps "latest event" order
    latest.set(r.jobId, r);
  }
  const full = rows.length === MAX_CHANGE_EVENTS;
  const until = full ? rows[rows.length - 1]!.occurredAt : now.getTime() < from.getTime() ? from : now;
  return {
    since: iso(from),
    until: iso(until),
    changes: [...latest.values()].map((r) => ({
      jobId: r.jobId,
      eventType: r.eventType,
      occurredAt: iso(r.occurredAt),
    })),
    generatedAt: iso(now),
  };
}
