import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { closeResultSchema } from "../../schemas/jobs.js";
import { idParam } from "../../schemas/params.js";

export const jobsClose = defineOperation({
  id: "jobs.close",
  resource: "jobs",
  summary: "Close (archive) a job",
  description:
    "Removes the job from the marketplace and stops new proposals (status ARCHIVED); running contracts are untouched. Closing an archived job is a no-op answering alreadyClosed: true.",
  method: "POST",
  api: "public",
  path: "/jobs/{jobId}/close",
  auth: "bearer",
  scope: "jobs:write",
  feature: "public_api_job_publishing",
  input: z.object({ jobId: idParam("Published job id to close") }),
  output: closeResultSchema,
  errors: ["NOT_FOUND"],
  hints: { destructive: true, idempotent: true },
  tool: {
    name: "opentrain_close_job",
    title: "Close job",
    description:
      "Close (archive) a published job so it stops accepting proposals and leaves public listings. Existing contracts are unaffected. Idempotent — closing an already-archived job reports alreadyClosed.",
  },
  cli: { command: ["jobs", "close"], positional: ["jobId"] },
});
