import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { closeJob } from "../../services/jobs/close-job.js";

export const close: Handler<typeof operations.jobsClose> = (ctx, input) => closeJob(ctx, principalOf(ctx), input.jobId);
