import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { cursorParam, limitParam } from "../../schemas/common.js";
import { ledgerPageSchema } from "../../schemas/credits.js";

export const creditsLedger = defineOperation({
  id: "credits.ledger",
  resource: "credits",
  summary: "Page through the credit ledger",
  description:
    'Newest first; nextCursor walks to older entries. Each entry links the related top-up, proposal (jobofferId), contract or milestone. A limit outside 1–100 answers 400 (details.field: "limit").',
  method: "GET",
  api: "public",
  path: "/credits/ledger",
  auth: "bearer",
  scope: "payments:read",
  feature: "public_api_credits",
  input: z.object({
    cursor: cursorParam.optional(),
    limit: limitParam(100, 50).optional().describe("Page size, 1–100 (default 50)"),
  }),
  output: ledgerPageSchema,
  errors: ["BAD_REQUEST"],
  tool: {
    name: "opentrain_list_credit_ledger",
    title: "List credit ledger",
    description:
      "Page through the credit ledger — top-ups, escrow holds, hold releases, captures, refunds, and adjustments, newest first. Each entry links the related top-up, proposal, contract, or milestone ids.",
  },
  cli: { command: ["credits", "ledger"] },
});
