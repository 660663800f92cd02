import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { contractDetailSchema } from "../../schemas/contracts.js";
import { idParam } from "../../schemas/params.js";

export const contractsGet = defineOperation({
  id: "contracts.get",
  resource: "contracts",
  summary: "Read one contract with its budget",
  description:
    "Status, milestones with funding/approval state, the masked trainer, the post-hire job DM jobDmConversationId and the budget snapshot (funded vs consumed, state OK/LOW/DEPLETED).",
  method: "GET",
  api: "public",
  path: "/contracts/{contractId}",
  auth: "bearer",
  scope: "payments:read",
  input: z.object({ contractId: idParam("Contract id to read") }),
  output: z.object({ contract: contractDetailSchema }),
  errors: ["NOT_FOUND"],
  tool: {
    name: "opentrain_get_contract",
    title: "Get contract",
    description:
      "Read one contract in detail: status, milestones with funding/approval state, AI trainer identity, the post-hire job DM conversationId, and the budget snapshot (funded vs consumed, state OK/LOW/DEPLETED).",
  },
  cli: { command: ["contracts", "get"], positional: ["contractId"] },
});
