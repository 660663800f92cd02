import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { listMyJobs } from "../../services/jobs/list-my-jobs.js";

export const mine: Handler<typeof operations.jobsMine> = (ctx, input) => listMyJobs(ctx, principalOf(ctx), input);
