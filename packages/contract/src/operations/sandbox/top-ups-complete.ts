import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { idParam } from "../../schemas/params.js";
import { sandboxCardSchema, sandboxTopUpActionSchema } from "../../schemas/sandbox.js";

export const sandboxTopUpsComplete = defineOperation({
  id: "sandbox.topUpsComplete",
  resource: "sandbox",
  summary: "Pay a top-up checkout as the human",
  description:
    "Same as paying on the checkout page. Card 4242 4242 4242 4242 (the default) succeeds; 4000 0000 0000 0002 is declined with 402 PAYMENT_DECLINED and the top-up stays pending.",
  method: "POST",
  api: "sandbox",
  path: "/top-ups/{topUpId}/complete",
  auth: "sandbox",
  scope: null,
  input: z.object({
    topUpId: idParam("Top-up id"),
    card: sandboxCardSchema.optional().describe("Test card number (default 4242424242424242)"),
  }),
  output: sandboxTopUpActionSchema,
  errors: ["BAD_REQUEST", "NOT_FOUND", "CONFLICT", "PAYMENT_DECLINED"],
  hints: { destructive: false, idempotent: false },
  cli: { command: ["sandbox", "top-ups", "complete"], positional: ["topUpId"] },
});
