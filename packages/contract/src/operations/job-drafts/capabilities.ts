import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { capabilitiesSchema } from "../../schemas/capabilities.js";

export const jobDraftsCapabilities = defineOperation({
  id: "jobDrafts.capabilities",
  resource: "jobDrafts",
  summary: "Feature flags and the job field catalog",
  description: "Runtime probe: which features are on for the account, accepted import formats, update keys and enums.",
  method: "GET",
  api: "public",
  path: "/job-drafts/capabilities",
  auth: "bearer",
  scope: null,
  feature: "public_api_job_drafting",
  input: z.object({}),
  output: capabilitiesSchema,
  tool: {
    name: "opentrain_capabilities",
    title: "Capabilities",
    toolset: "auth",
    description:
      "Discover which job-drafting features are enabled for the account plus the full job field/enum catalog — use it to probe feature availability before drafting. No parameters. Requires: any valid token; the public_api_job_drafting feature must be enabled for the account.",
  },
  cli: { command: ["capabilities"] },
});
