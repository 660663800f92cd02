import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { publishJob } from "../../services/jobs/publish-job.js";

export const publish: Handler<typeof operations.jobsPublish> = (ctx, input) =>
  publishJob(ctx, principalOf(ctx), input.jobId);
