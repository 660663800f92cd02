import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { coSignResponse, contractEndApprovalSchema } from "../../schemas/approvals.js";
import { idParam } from "../../schemas/params.js";

export const contractsEnd = defineOperation({
  id: "contracts.end",
  resource: "contracts",
  summary: "End a contract (co-signed when funded escrow is at stake)",
  description:
    'Dual mode. With no funded milestones the contract ends now: 200 {ok, contractId, status: "ended"}. With funded milestones nothing happens yet: 202 {approval (type contract_end), message} and a signed-in human must confirm at approvalUrl; repeating while pending returns the same approval. An ended contract answers 409 details.reason contract_ended. successStatus names the direct (200) answer.',
  method: "POST",
  api: "public",
  path: "/contracts/{contractId}/end",
  auth: "bearer",
  scope: "payments:write",
  feature: "public_api_payments_write",
  claim: "end contracts",
  successStatus: 200,
  input: z.object({ contractId: idParam("Contract to end") }),
  output: z.union([
    z.object({
      ok: z.literal(true),
      contractId: z.string(),
      status: z.literal("ended"),
    }),
    coSignResponse(contractEndApprovalSchema),
  ]),
  errors: ["BAD_REQUEST", "NOT_FOUND", "CONFLICT"],
  hints: { destructive: true, idempotent: true },
  tool: {
    name: "opentrain_end_contract",
    title: "End contract",
    description:
      "End a contract. With no funded milestones it ends immediately; if funded escrow is at stake, the call instead returns a pending approval with an approvalUrl a human must confirm — no funds move until then.",
  },
  cli: { command: ["contracts", "end"], positional: ["contractId"] },
});
