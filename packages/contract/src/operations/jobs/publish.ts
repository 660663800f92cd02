import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { publishResultSchema } from "../../schemas/jobs.js";
import { idParam } from "../../schemas/params.js";

export const jobsPublish = defineOperation({
  id: "jobs.publish",
  resource: "jobs",
  summary: "Publish a draft live on the marketplace",
  description:
    "Validates (400 with details.validation when not publish-ready), applies the rolling daily cap (20 claimed / 3 unclaimed; 429 with details {limit, windowHours: 24}) and moderation (403 details.reason moderation_blocked with reasons), then sets the job OPEN. Publishing an open job is a no-op answering alreadyPublished: true.",
  method: "POST",
  api: "public",
  path: "/jobs/{jobId}/publish",
  auth: "bearer",
  scope: "jobs:write",
  feature: "public_api_job_publishing",
  input: z.object({ jobId: idParam("Unpublished draft job id to publish") }),
  output: publishResultSchema,
  errors: ["BAD_REQUEST", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "RATE_LIMITED"],
  hints: { destructive: false, idempotent: true },
  tool: {
    name: "opentrain_publish_job",
    title: "Publish job",
    description:
      "Publish a draft live on the marketplace. Runs the same validation and moderation pipeline as the in-app publish flow and is subject to per-account daily publish limits. Returns the live job URL.",
  },
  cli: { command: ["jobs", "publish"], positional: ["jobId"] },
});
