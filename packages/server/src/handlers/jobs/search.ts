import type { operations } from "@opentrain-ai/contract";
import type { Handler } from "../../http/request-context.js";
import { searchPublicJobs } from "../../services/jobs/search-public-jobs.js";

export const search: Handler<typeof operations.jobsSearch> = (ctx, input) => searchPublicJobs(ctx, input);
