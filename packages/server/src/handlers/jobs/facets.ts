import type { operations } from "@opentrain-ai/contract";
import type { Handler } from "../../http/request-context.js";
import { publicFacets } from "../../services/jobs/public-facets.js";
import { cachedListingAnswer } from "./cached-listing-answer.js";

export const facets: Handler<typeof operations.jobsFacets> = (ctx) =>
  cachedListingAnswer(ctx, "jobs.facets", () => publicFacets(ctx));
