import { z } from "zod";
import type { Scope } from "../scopes.js";
import { APPROVAL_STATUSES } from "./approvals.js";
import { PAYMENT_TYPES } from "./capabilities.js";
import { BUDGET_STATES } from "./contracts.js";
import { isoTimestamp } from "./common.js";

/** The account event catalogue (exactly 8 types), shared by GET /updates and webhooks. */
export const EVENT_TYPES = [
  "proposal.received",
  "proposal.status_changed",
  "message.received",
  "contract.created",
  "milestone.status_changed",
  "payment.pending",
  "approval.confirmed",
  "contract.budget_state_changed",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Read scope a token needs to see (or subscribe to) each event type. */
export const EVENT_TYPE_SCOPES: Record<EventType, Scope> = {
  "proposal.received": "proposals:read",
  "proposal.status_changed": "proposals:read",
  "message.received": "messages:read",
  "contract.created": "payments:read",
  "milestone.status_changed": "payments:read",
  "payment.pending": "payments:read",
  "approval.confirmed": "payments:read",
  "contract.budget_state_changed": "payments:read",
};

/** IDs-only `data` payload per event type. */
export const eventDataSchemas = {
  "proposal.received": z.object({ proposalId: z.string(), jobId: z.string() }),
  "proposal.status_changed": z.object({
    proposalId: z.string(),
    status: z.string(),
  }),
  "message.received": z.object({
    conversationId: z.string(),
    messageId: z.string(),
  }),
  "contract.created": z.object({
    contractId: z.string(),
    jobId: z.string(),
    proposalId: z.string(),
  }),
  "milestone.status_changed": z.object({
    milestoneId: z.string(),
    contractId: z.string(),
    status: z.string(),
  }),
  "payment.pending": z.object({
    invoiceId: z.string(),
    milestoneId: z.string(),
    contractId: z.string(),
  }),
  "approval.confirmed": z.object({
    approvalId: z.string(),
    status: z.enum(APPROVAL_STATUSES).describe("Any terminal status: confirmed, declined or expired"),
  }),
  "contract.budget_state_changed": z.object({
    contractId: z.string(),
    previousState: z.enum(BUDGET_STATES),
    state: z.enum(BUDGET_STATES),
    paymentType: z.enum(PAYMENT_TYPES),
    fundedVolume: z.number(),
    consumedVolume: z.number(),
    remainingVolume: z.number(),
    consumedFraction: z.number().nullable(),
  }),
} as const satisfies Record<EventType, z.ZodObject>;

function eventOf<T extends EventType>(type: T) {
  return z.object({
    id: z.string().regex(/^\d+$/).describe("Numeric event id as a string; the feed cursor"),
    type: z.literal(type),
    apiVersion: z.literal("v1"),
    createdAt: isoTimestamp,
    resourceId: z.string().describe("Id of the primary resource the event is about"),
    jobId: z.string().nullable(),
    data: eventDataSchemas[type],
  });
}

/** One account event: an element of GET /updates `events[]` and the body of a webhook delivery. */
export const eventSchema = z.discriminatedUnion("type", [
  eventOf("proposal.received"),
  eventOf("proposal.status_changed"),
  eventOf("message.received"),
  eventOf("contract.created"),
  eventOf("milestone.status_changed"),
  eventOf("payment.pending"),
  eventOf("approval.confirmed"),
  eventOf("contract.budget_state_changed"),
]);
export type PlatformEvent = z.infer<typeof eventSchema>;

export const updatesPageSchema = z.object({
  events: z.array(eventSchema).describe("Oldest first, filtered to the token's read scopes"),
  nextCursor: z
    .string()
    .nullable()
    .describe("Id of the last returned event; echoes the sent cursor when the page is empty"),
  hasMore: z.boolean().describe("More events are already waiting; poll again now"),
});
