import { eventDataSchemas, type EventType, type PlatformEvent } from "@opentrain-ai/contract";
import { iso } from "../../clock.js";
import type { EventRow } from "../../db/schema.js";

/** `data` with its keys in the catalogue's order (jsonb stores keys in its own order). */
function orderedData(type: string, data: Record<string, unknown>): Record<string, unknown> {
  const schema = eventDataSchemas[type as EventType];
  if (!schema) return data;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(schema.shape)) if (key in data) out[key] = data[key];
  for (const [key, value] of Object.entries(data)) if (!(key in out)) out[key] = value;
  return out;
}

/** One log row as the API shows it: an element of GET /updates `events[]` and a webhook body. */
export function toPlatformEvent(row: EventRow): PlatformEvent {
  return {
    id: String(row.id),
    type: row.type,
    apiVersion: "v1",
    createdAt: iso(row.createdAt),
    resourceId: row.resourceId,
    jobId: row.jobId,
    data: orderedData(row.type, row.data),
  } as PlatformEvent;
}
