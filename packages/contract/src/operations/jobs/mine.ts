import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { cursorParam, limitParam } from "../../schemas/common.js";
import { JOB_STATUSES, myJobsPageSchema } from "../../schemas/jobs.js";

export const jobsMine = defineOperation({
  id: "jobs.mine",
  resource: "jobs",
  summary: "List the account's own jobs",
  description:
    "Every job the account owns, drafts included, newest first, with proposal counts. An unknown status answers 400 with details.supportedStatuses. Works pre-claim.",
  method: "GET",
  api: "public",
  path: "/jobs/mine",
  auth: "bearer",
  scope: "jobs:read",
  input: z.object({
    status: z
      .enum(JOB_STATUSES)
      .optional()
      .describe("Filter: DRAFT, OPEN, ONGOING, COMPLETED, ARCHIVED, or PENDING_APPROVAL"),
    cursor: cursorParam.optional().describe("Pagination cursor"),
    limit: limitParam(100, 25).optional().describe("Max jobs to return, 1–100 (default 25)"),
  }),
  output: myJobsPageSchema,
  errors: ["BAD_REQUEST"],
  tool: {
    name: "opentrain_list_jobs",
    title: "List jobs",
    description: "List the account’s own jobs (all statuses, newest first) with pagination.",
  },
  cli: { command: ["jobs", "list"] },
});
