import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { PAYMENT_TYPES } from "../../schemas/capabilities.js";
import { cursorParam, limitParam } from "../../schemas/common.js";
import { jobSearchPageSchema } from "../../schemas/jobs.js";

const filters = {
  q: z.string().trim().max(500).optional().describe("Free-text search query"),
  category: z.string().trim().max(200).optional().describe("Category filter"),
  language: z.string().trim().max(100).optional().describe("Language filter"),
  country: z.string().trim().max(8).optional().describe("ISO country code"),
  payType: z.enum(PAYMENT_TYPES).optional().describe("Payment type filter"),
};

export const jobsSearch = defineOperation({
  id: "jobs.search",
  resource: "jobs",
  summary: "Search the public job marketplace",
  description:
    "Tokenless search over open public jobs: free text over titles and descriptions, category (exact, case-insensitive), required language (display name), allowed country (code) and payType. CORS *, edge-cached up to 5 minutes (generatedAt), 120 requests/minute per IP. Page size 1–100, default 20.",
  method: "GET",
  api: "public",
  path: "/jobs",
  auth: "none",
  scope: null,
  input: z.object({
    ...filters,
    limit: limitParam(100, 20).optional(),
    cursor: cursorParam.optional().describe("Pagination cursor"),
  }),
  output: jobSearchPageSchema,
  errors: ["BAD_REQUEST", "RATE_LIMITED"],
  tool: {
    name: "opentrain_search_jobs",
    title: "Search jobs",
    description:
      "Search the public OpenTrain job marketplace — useful for calibrating rates and seeing how similar work is scoped before posting.",
    // Same names as the API; the tool reference caps limit at 50.
    params: z.object({
      ...filters,
      payType: z.string().optional().describe("Payment type filter"),
      limit: z.number().int().min(1).max(50).optional().describe("Max results, 1–50"),
      cursor: z.string().optional().describe("Pagination cursor"),
    }),
    toInput: (p) => ({
      q: p.q as string | undefined,
      category: p.category as string | undefined,
      language: p.language as string | undefined,
      country: p.country as string | undefined,
      payType: p.payType as (typeof PAYMENT_TYPES)[number] | undefined,
      limit: p.limit as number | undefined,
      cursor: p.cursor as string | undefined,
    }),
  },
  cli: { command: ["jobs", "search"], positional: ["q"] },
});
