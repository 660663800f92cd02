import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { idParam } from "../../schemas/params.js";
import { sandboxCardSchema } from "../../schemas/sandbox.js";

export const sandboxPaymentMethodsAdd = defineOperation({
  id: "sandbox.paymentMethodsAdd",
  resource: "sandbox",
  summary: "Add a payment method as the human",
  description:
    "Same as adding a card on the billing page; afterwards hires and milestone funding no longer answer payment_method_required. A declined test card answers 402.",
  method: "POST",
  api: "sandbox",
  path: "/accounts/{accountId}/payment-methods",
  auth: "sandbox",
  scope: null,
  successStatus: 201,
  input: z.object({
    accountId: idParam("account.id from GET /auth/me"),
    card: sandboxCardSchema.optional().describe("Test card number (default 4242424242424242)"),
  }),
  output: z.looseObject({}).describe("The stored payment method (open shape)"),
  errors: ["BAD_REQUEST", "NOT_FOUND", "PAYMENT_DECLINED"],
  hints: { destructive: false, idempotent: false },
  cli: {
    command: ["sandbox", "payment-methods", "add"],
    positional: ["accountId"],
  },
});
