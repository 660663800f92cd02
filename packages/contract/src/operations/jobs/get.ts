import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { publicJobSchema } from "../../schemas/jobs.js";
import { idParam } from "../../schemas/params.js";

export const jobsGet = defineOperation({
  id: "jobs.get",
  resource: "jobs",
  summary: "Read one public job",
  description:
    'Tokenless. Answers the public job object. A job that exists but is not publicly listed (closed, archived, unlisted) answers 404 with the bare body {"id": "<id>", "status": "closed"} instead of the error envelope; an unknown id answers the usual 404 envelope. 120 requests/minute per IP.',
  method: "GET",
  api: "public",
  path: "/jobs/{jobId}",
  auth: "none",
  scope: null,
  input: z.object({ jobId: idParam("Job id (1–64 characters)") }),
  output: publicJobSchema,
  errors: ["BAD_REQUEST", "NOT_FOUND", "RATE_LIMITED"],
});
