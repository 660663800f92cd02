import type { operations } from "@opentrain-ai/contract";
import type { Handler } from "../../http/request-context.js";
import { searchPublicJobs } from "../../services/jobs/search-public-jobs.js";
import { cachedListingAnswer } from "./cached-listing-answer.js";

export const search: Handler<typeof operations.jobsSearch> = (ctx, input) =>
  cachedListingAnswer(ctx, `jobs.search ${JSON.stringify(input)}`, () => searchPublicJobs(ctx, input));
