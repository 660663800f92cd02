import type { operations } from "@opentrain-ai/contract";
import type { Handler } from "../../http/request-context.js";
import { publicFacets } from "../../services/jobs/public-facets.js";

export const facets: Handler<typeof operations.jobsFacets> = (ctx) => publicFacets(ctx);
