import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { pendingPaymentSchema } from "../../schemas/payments.js";

export const paymentsPending = defineOperation({
  id: "payments.pending",
  resource: "payments",
  summary: "List pending (incomplete) payments",
  description:
    "Funding invoices the employer still owes (PENDING_FUNDING) and payouts in flight to the caller (PENDING_PAYOUT), newest first. A pure read: it never releases, refunds or changes anything.",
  method: "GET",
  api: "public",
  path: "/payments/pending",
  auth: "bearer",
  scope: "payments:read",
  input: z.object({}),
  output: z.object({ payments: z.array(pendingPaymentSchema) }),
  tool: {
    name: "opentrain_list_pending_payments",
    title: "List pending payments",
    description:
      "List pending payments on the account — read-only; never releases funds. No parameters. Requires: payments:read.",
  },
  cli: { command: ["payments", "pending"] },
});
