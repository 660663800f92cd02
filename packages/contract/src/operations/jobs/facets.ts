import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { jobFacetsSchema } from "../../schemas/jobs.js";

export const jobsFacets = defineOperation({
  id: "jobs.facets",
  resource: "jobs",
  summary: "Counts of open public jobs by category, language, country and pay type",
  description: "Tokenless. Each facet list is sorted by count, descending. 120 requests/minute per IP.",
  method: "GET",
  api: "public",
  path: "/jobs/facets",
  auth: "none",
  scope: null,
  input: z.object({}),
  output: jobFacetsSchema,
  errors: ["RATE_LIMITED"],
});
