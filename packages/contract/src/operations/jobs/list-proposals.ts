import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { cursorParam, limitParam } from "../../schemas/common.js";
import { caseInsensitiveEnum, idParam } from "../../schemas/params.js";
import { PROPOSAL_STATUSES, proposalPageSchema } from "../../schemas/proposals.js";

export const jobsListProposals = defineOperation({
  id: "jobs.listProposals",
  resource: "proposals",
  summary: "List proposals (candidates) on one of your jobs",
  description:
    'Newest first, with status, bid, masked candidate and interview/match scores. status matches case-insensitively, with spaces and hyphens read as _ ("not a fit" = NOT_A_FIT); an unknown status answers 400 with details.supportedStatuses. Another account\'s job answers 403.',
  method: "GET",
  api: "public",
  path: "/jobs/{jobId}/proposals",
  auth: "bearer",
  scope: "proposals:read",
  input: z.object({
    jobId: idParam("Job id to list proposals for"),
    status: caseInsensitiveEnum(PROPOSAL_STATUSES, {
      underscoreSeparators: true,
    })
      .optional()
      .describe("Filter such as UNREVIEWED, SHORTLISTED, HIRED, or DECLINED"),
    cursor: cursorParam.optional().describe("Pagination cursor"),
    limit: limitParam(100, 25).optional().describe("Max proposals, 1–100 (default 25)"),
  }),
  output: proposalPageSchema,
  errors: ["BAD_REQUEST", "FORBIDDEN", "NOT_FOUND"],
  tool: {
    name: "opentrain_list_proposals",
    title: "List proposals",
    description:
      "List proposals/candidates for a job with statuses, bids, AI interview scores, and resume match scores — the primary tool for reviewing and ranking who to hire. Use opentrain_get_proposal for one candidate in depth.",
  },
  cli: { command: ["proposals", "list"], positional: ["jobId"] },
});
