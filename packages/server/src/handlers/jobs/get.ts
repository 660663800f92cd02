import type { operations, PublicJob } from "@opentrain-ai/contract";
import { StatusResult, type Handler } from "../../http/request-context.js";
import { getPublicJob } from "../../services/jobs/get-public-job.js";

/** An existing but unlisted job answers the bare `{ id, status: "closed" }` 404 (not the envelope). */
export const get: Handler<typeof operations.jobsGet> = async (ctx, input) => {
  const found = await getPublicJob(ctx, input.jobId);
  if (found.listed) return found.job;
  return new StatusResult(404, found.body as unknown as PublicJob);
};
