import type { EventType, eventDataSchemas } from "@opentrain-ai/contract";
import type { z } from "zod";
import { events } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";

type EventData<T extends EventType> = z.infer<(typeof eventDataSchemas)[T]>;

/**
 * Appends one event to the account's log. Call it with the transaction of the change the event
 * describes, so the change and its event commit together (the feed and webhooks read the log).
 */
export async function recordEvent<T extends EventType>(
  tx: ServiceContext,
  event: { accountId: string; type: T; resourceId: string; jobId: string | null; data: EventData<T>; at?: Date },
): Promise<void> {
  await tx.db.insert(events).values({
    accountId: event.accountId,
    type: event.type,
    resourceId: event.resourceId,
    jobId: event.jobId,
    data: event.data as Record<string, unknown>,
    createdAt: event.at ?? tx.clock.now(),
  });
}
