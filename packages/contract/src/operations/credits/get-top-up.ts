import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { topUpSchema } from "../../schemas/credits.js";
import { idParam } from "../../schemas/params.js";

export const creditsGetTopUp = defineOperation({
  id: "credits.getTopUp",
  resource: "credits",
  summary: "Check a credit top-up's status",
  description:
    'PENDING (awaiting the human\'s payment), COMPLETED (credits added) or EXPIRED (a pending top-up past expiresAt reads as expired; create a new one). Unknown or foreign ids answer 404 (details {resource: "credit-top-ups", topUpId}).',
  method: "GET",
  api: "public",
  path: "/credits/top-ups/{topUpId}",
  auth: "bearer",
  scope: "payments:read",
  feature: "public_api_credits",
  input: z.object({
    topUpId: idParam("Top-up id from opentrain_create_credit_top_up"),
  }),
  output: z.object({ topUp: topUpSchema }),
  errors: ["NOT_FOUND"],
  tool: {
    name: "opentrain_get_credit_top_up",
    title: "Get credit top-up",
    description:
      "Check a top-up’s status: pending (awaiting human payment), completed (credits added), canceled, or expired.",
  },
  cli: { command: ["credits", "top-up-status"], positional: ["topUpId"] },
});
