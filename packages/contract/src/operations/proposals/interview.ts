import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { idParam } from "../../schemas/params.js";
import { interviewSchema } from "../../schemas/proposals.js";

export const proposalsInterview = defineOperation({
  id: "proposals.interview",
  resource: "proposals",
  summary: "Read a proposal's sanitized AI-interview transcript",
  description:
    "Messages oldest first, role interviewer or candidate; contact details and internal markers are removed. Check aiInterview.transcriptAvailable first: a proposal without a recorded interview answers 404 (details.proposalId). No MCP tool of its own: opentrain_get_proposal with includeInterview: true reads it.",
  method: "GET",
  api: "public",
  path: "/proposals/{proposalId}/interview",
  auth: "bearer",
  scope: "proposals:read",
  input: z.object({ proposalId: idParam("Proposal id") }),
  output: z.object({ interview: interviewSchema }),
  errors: ["BAD_REQUEST", "FORBIDDEN", "NOT_FOUND"],
});
