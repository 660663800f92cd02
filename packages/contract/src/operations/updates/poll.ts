import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { limitParam } from "../../schemas/common.js";
import { updatesPageSchema } from "../../schemas/events.js";

export const updatesPoll = defineOperation({
  id: "updates.poll",
  resource: "updates",
  summary: "Poll the account event feed",
  description:
    "Events strictly after cursor, oldest first, filtered to the event types the token's read scopes cover (others are skipped silently). Store nextCursor and send it next time; hasMore means more are already waiting. A token with none of proposals:read, messages:read, payments:read answers 403. Payloads carry ids only.",
  method: "GET",
  api: "public",
  path: "/updates",
  auth: "bearer",
  scope: null,
  anyScope: ["proposals:read", "messages:read", "payments:read"],
  input: z.object({
    cursor: z
      .string()
      .max(19, "cursor is the nextCursor of a previous poll (an event id of at most 19 digits)")
      .regex(/^\d+$/, "cursor is the numeric nextCursor of a previous poll")
      .optional()
      .describe("nextCursor from the previous poll; omit on the first poll"),
    limit: limitParam(200, 50).optional().describe("Max events, 1–200 (default 50)"),
  }),
  output: updatesPageSchema,
  errors: ["BAD_REQUEST"],
  tool: {
    name: "opentrain_poll_updates",
    title: "Poll updates",
    description:
      "Poll the delta feed of account events (new proposals, proposal status changes, new messages, contracts, milestone changes, pending payments, confirmed approvals, budget state changes) in one cheap call instead of re-reading every resource. Payloads carry IDs only — fetch details with the matching read tool. Event visibility follows the token’s scopes.",
  },
  cli: { command: ["updates", "poll"] },
});
