import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { jobUpdateFieldShape } from "../../schemas/job-fields.js";
import { draftUpdateResultSchema } from "../../schemas/jobs.js";
import { idParam } from "../../schemas/params.js";

/** Body of both PATCH endpoints: every update key typed; any other key is a 400 naming it. */
export function jobPatchInput(idDescription: string) {
  return z
    .strictObject({ jobId: idParam(idDescription), ...jobUpdateFieldShape })
    .describe(
      "jobId plus the fields to change, keyed by update key (draft.updateKeys of GET /job-drafts/capabilities); every key other than jobId is sent as the JSON body",
    )
    .refine((v) => Object.keys(v).some((k) => k !== "jobId"), {
      message: "Send at least one field to update",
      path: [],
    });
}

export const jobPatchToolParams = (jobIdDescription: string, patchDescription: string) =>
  z.object({
    jobId: z.string().describe(jobIdDescription),
    patch: z.record(z.string(), z.unknown()).describe(patchDescription),
  });

export function jobPatchToInput(p: Record<string, unknown>) {
  const patch = (p.patch ?? {}) as Record<string, unknown>;
  return { ...patch, jobId: p.jobId as string };
}

export const jobDraftsUpdate = defineOperation({
  id: "jobDrafts.update",
  resource: "jobDrafts",
  summary: "Fill in or correct fields on an unpublished draft",
  description:
    "Applies any subset of update keys to a DRAFT job and returns the refreshed validation report. Loop create → ask → patch until validation.publishReady is true. Unknown keys, wrong types and bad enum values answer 400; a job that is no longer a draft answers 409 (use PATCH /jobs/{jobId}).",
  method: "PATCH",
  api: "public",
  path: "/job-drafts/{jobId}",
  auth: "bearer",
  scope: "jobs:write",
  feature: "public_api_job_drafting",
  input: jobPatchInput("Existing unpublished draft job id"),
  output: draftUpdateResultSchema,
  errors: ["BAD_REQUEST", "NOT_FOUND", "CONFLICT"],
  hints: { destructive: false, idempotent: true },
  tool: {
    name: "opentrain_update_job_draft_fields",
    title: "Update job draft fields",
    description:
      "Fill in or correct fields on an existing unpublished draft. Ask the human each missing field’s ask: question, then patch the answers using the set: field names — never ask the human to author raw JSON. This tool never publishes; use opentrain_publish_job.",
    params: jobPatchToolParams(
      "Existing unpublished draft job id",
      'Field patch keyed by OpenTrain field names, e.g. {"experienceLevel": "INTERMEDIATE", "pricePerHour": 12}',
    ),
    toInput: jobPatchToInput,
  },
  cli: { command: ["jobs", "draft", "update"], positional: ["jobId"] },
});
