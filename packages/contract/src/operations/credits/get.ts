import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { creditsSchema } from "../../schemas/credits.js";

export const creditsGet = defineOperation({
  id: "credits.get",
  resource: "credits",
  summary: "Read the prepaid credit balance",
  description:
    "availableCents, reservedCents (escrow holds) and the last 10 ledger entries; total = available + reserved. A team member reads the organization owner's credit account; a never-used account answers zeros.",
  method: "GET",
  api: "public",
  path: "/credits",
  auth: "bearer",
  scope: "payments:read",
  feature: "public_api_credits",
  input: z.object({}),
  output: z.object({ credits: creditsSchema }),
  tool: {
    name: "opentrain_get_credits",
    title: "Get credits",
    description:
      "Read the prepaid credit balance: available, reserved (escrow holds), and total. No parameters. Requires: payments:read + the public_api_credits feature.",
  },
  cli: { command: ["credits", "show"] },
});
