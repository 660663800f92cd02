import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { jobChangesSchema } from "../../schemas/jobs.js";
import { isoDateInput } from "../../schemas/params.js";

export const jobsChanges = defineOperation({
  id: "jobs.changes",
  resource: "jobs",
  summary: "Public listing changes since a point in time",
  description:
    "Tokenless time-window feed of public listings: the latest event per job (PUBLISHED, UPDATED, CLOSED) at or after since, up to 5,000 entries. Pass until back as the next since. 120 requests/minute per IP.",
  method: "GET",
  api: "public",
  path: "/jobs/changes",
  auth: "none",
  scope: null,
  input: z.object({
    since: isoDateInput.describe("ISO 8601 instant; events at or after it"),
  }),
  output: jobChangesSchema,
  errors: ["BAD_REQUEST", "RATE_LIMITED"],
});
