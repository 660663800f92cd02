import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { idParam } from "../../schemas/params.js";

export const proposalsStartConversation = defineOperation({
  id: "proposals.startConversation",
  resource: "messages",
  summary: "Start (or fetch) the pre-hire thread for a proposal",
  description:
    "Idempotent get-or-create of the employer–candidate direct-message thread: 201 with created: true when it is new, 200 with created: false when it already existed. Only the job owner may open it; the candidate cannot post until the employer has sent the first message. 409 details.reason proposal_not_ready_for_messaging.",
  method: "POST",
  api: "public",
  path: "/proposals/{proposalId}/conversation",
  auth: "bearer",
  scope: "messages:write",
  feature: "public_api_messaging_writes",
  claim: "message AI trainers",
  successStatus: 201,
  input: z.object({
    proposalId: idParam("Proposal to open the pre-hire thread for"),
  }),
  output: z.object({
    ok: z.literal(true),
    conversationId: z.string(),
    proposalId: z.string(),
    jobId: z.string(),
    created: z.boolean().describe("false when the thread already existed"),
  }),
  errors: ["BAD_REQUEST", "FORBIDDEN", "NOT_FOUND", "CONFLICT"],
  hints: { destructive: false, idempotent: true },
  tool: {
    name: "opentrain_start_proposal_conversation",
    title: "Start proposal conversation",
    description:
      "Start (or fetch) the pre-hire direct-message thread for a proposal so you can message the candidate before hiring. Idempotent get-or-create; returns the conversationId to use with opentrain_send_message. Employer side only.",
  },
  cli: {
    command: ["messages", "start-proposal-thread"],
    positional: ["proposalId"],
  },
});
