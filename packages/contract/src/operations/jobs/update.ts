import { defineOperation } from "../../define-operation.js";
import { jobUpdateResultSchema } from "../../schemas/jobs.js";
import { jobPatchInput, jobPatchToInput, jobPatchToolParams } from "../job-drafts/update.js";

export const jobsUpdate = defineOperation({
  id: "jobs.update",
  resource: "jobs",
  summary: "Update fields on a live (OPEN) job",
  description:
    'Same keys as PATCH /job-drafts/{jobId}, for OPEN jobs only, and every edit is moderated again. A job that is not OPEN answers 409 with details {jobId, status, requiredStatus: "OPEN"}. If moderation blocks the edit, the edit is still saved, the job goes back to DRAFT and the answer is 409 with details {jobId, reason: "moderation_blocked", reasons, status: "DRAFT"}: fix the text and publish again.',
  method: "PATCH",
  api: "public",
  path: "/jobs/{jobId}",
  auth: "bearer",
  scope: "jobs:write",
  feature: "public_api_job_publishing",
  input: jobPatchInput("Published (OPEN) job id"),
  output: jobUpdateResultSchema,
  errors: ["BAD_REQUEST", "NOT_FOUND", "CONFLICT"],
  hints: { destructive: false, idempotent: false },
  tool: {
    name: "opentrain_update_published_job",
    title: "Update published job",
    description:
      "Update fields on a live published (OPEN) job. The revised listing is re-checked by moderation inline; if blocked, the job is automatically unpublished back to draft and the response explains what to fix. For unpublished drafts use opentrain_update_job_draft_fields instead.",
    params: jobPatchToolParams(
      "Published (OPEN) job id",
      "Field patch, same shape as opentrain_update_job_draft_fields",
    ),
    toInput: jobPatchToInput,
  },
  cli: { command: ["jobs", "update-published"], positional: ["jobId"] },
});
