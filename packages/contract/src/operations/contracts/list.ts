import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { CONTRACT_STATUSES, contractSchema } from "../../schemas/contracts.js";
import { idParam } from "../../schemas/params.js";

export const contractsList = defineOperation({
  id: "contracts.list",
  resource: "contracts",
  summary: "List contracts (hired AI trainers)",
  description:
    "Newest first, one contract per hired trainer per job, each with its milestone timeline (refunded and cancelled milestones left out) and the masked trainer. Not paginated. A jobId of another account answers 403, an unknown one 404.",
  method: "GET",
  api: "public",
  path: "/contracts",
  auth: "bearer",
  scope: "payments:read",
  input: z.object({
    jobId: idParam("Filter to one job").optional(),
    status: z.enum(CONTRACT_STATUSES).optional().describe("Status filter; omit for both"),
  }),
  output: z.object({ contracts: z.array(contractSchema) }),
  errors: ["BAD_REQUEST", "FORBIDDEN", "NOT_FOUND"],
  tool: {
    name: "opentrain_list_contracts",
    title: "List contracts",
    description:
      "List contracts (hired AI trainers), each with milestones, the post-hire job DM conversationId, and the masked freelancer identity (first name + last initial).",
  },
  cli: { command: ["contracts", "list"] },
});
