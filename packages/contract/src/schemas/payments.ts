import { z } from "zod";
import { isoTimestamp } from "./common.js";

export const PENDING_PAYMENT_STATUSES = ["PENDING_FUNDING", "PENDING_PAYOUT"] as const;

export const pendingPaymentSchema = z.object({
  id: z.string(),
  status: z.enum(PENDING_PAYMENT_STATUSES),
  invoiceKind: z.string().describe('e.g. "FUNDING"'),
  viewerRole: z.string().describe('e.g. "EMPLOYER"'),
  amountUsd: z.number(),
  createdAt: isoTimestamp,
  invoiceNumber: z.string().nullable(),
  job: z.object({ id: z.string(), title: z.string() }),
  milestone: z.object({ id: z.string(), name: z.string().nullable() }),
});
export type PendingPayment = z.infer<typeof pendingPaymentSchema>;
