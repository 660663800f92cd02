import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { updateLiveJob } from "../../services/jobs/update-live-job.js";

export const update: Handler<typeof operations.jobsUpdate> = (ctx, { jobId, ...patch }) =>
  updateLiveJob(ctx, principalOf(ctx), jobId, patch);
