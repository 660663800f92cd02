import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { TOP_UP_MAX_USD, TOP_UP_MIN_USD, topUpCreatedSchema } from "../../schemas/credits.js";

const amountUsd = z
  .number()
  .min(TOP_UP_MIN_USD)
  .max(TOP_UP_MAX_USD)
  .describe("Top-up amount in USD (min $10, max $10,000)");

export const creditsCreateTopUp = defineOperation({
  id: "credits.createTopUp",
  resource: "credits",
  summary: "Start a credit top-up (human pays a checkout page)",
  description:
    "Creates a PENDING top-up and answers 201 with a checkoutUrl for a signed-in human to pay (valid ~24 h); nothing is charged by this call. The balance updates once paid. amount is accepted as an alias of amountUsd. Each call creates a new top-up.",
  method: "POST",
  api: "public",
  path: "/credits/top-ups",
  auth: "bearer",
  scope: "payments:write",
  feature: "public_api_credits",
  claim: "buy credits",
  successStatus: 201,
  input: z
    .object({
      amountUsd: amountUsd.optional(),
      amount: amountUsd.optional().describe("Alias of amountUsd"),
    })
    .refine((v) => v.amountUsd !== undefined || v.amount !== undefined, {
      message: "amountUsd is required",
      path: ["amountUsd"],
    }),
  output: topUpCreatedSchema,
  errors: ["BAD_REQUEST"],
  hints: { destructive: false, idempotent: false },
  tool: {
    name: "opentrain_create_credit_top_up",
    title: "Create credit top-up",
    description:
      "Start a credit top-up. No money moves from this call: it returns a Stripe Checkout checkoutUrl that a signed-in human must open and pay (expires in ~24h). Once paid, the balance updates automatically.",
    // The seed exposes only amountUsd (required); the API's amount alias stays HTTP-only.
    params: z.object({ amountUsd }),
    toInput: (p) => ({ amountUsd: p.amountUsd as number }),
  },
  cli: { command: ["credits", "top-up"], positional: ["amountUsd"] },
});
