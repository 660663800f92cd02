import type { PlatformEvent } from "@opentrain-ai/contract";
import { iso } from "../../clock.js";
import type { EventRow } from "../../db/schema.js";

/** One log row as the API shows it: an element of GET /updates `events[]` and a webhook body. */
export function toPlatformEvent(row: EventRow): PlatformEvent {
  return {
    id: String(row.id),
    type: row.type,
    apiVersion: "v1",
    createdAt: iso(row.createdAt),
    resourceId: row.resourceId,
    jobId: row.jobId,
    data: row.data,
  } as PlatformEvent;
}
