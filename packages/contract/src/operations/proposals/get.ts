import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { idParam } from "../../schemas/params.js";
import { proposalDetailSchema } from "../../schemas/proposals.js";

export const proposalsGet = defineOperation({
  id: "proposals.get",
  resource: "proposals",
  summary: "Read one proposal in depth",
  description:
    "Proposal summary plus AI interview (score, summary, transcriptAvailable), location and identity verification, labeling assessment and the contract once hired. The proposal must be on a job you own (else 403).",
  method: "GET",
  api: "public",
  path: "/proposals/{proposalId}",
  auth: "bearer",
  scope: "proposals:read",
  input: z.object({ proposalId: idParam("Proposal id to read") }),
  output: z.object({ proposal: proposalDetailSchema }),
  errors: ["BAD_REQUEST", "FORBIDDEN", "NOT_FOUND"],
  tool: {
    name: "opentrain_get_proposal",
    title: "Get proposal",
    description:
      "Read a full proposal/candidate evaluation: status, bid, masked candidate, AI-interview score and summary, location/identity verification, labeling assessment, and contract state.",
    // includeInterview is a tool-only switch: the MCP server then also calls GET /proposals/{proposalId}/interview.
    params: z.object({
      proposalId: z.string().describe("Proposal id to read"),
      includeInterview: z.boolean().optional().describe("Also fetch the sanitized AI-interview transcript"),
    }),
    toInput: (p) => ({ proposalId: p.proposalId as string }),
  },
  cli: { command: ["proposals", "get"], positional: ["proposalId"] },
});
