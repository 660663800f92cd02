import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { listPendingPayments } from "../../services/invoices/list-pending-payments.js";

export const pending: Handler<typeof operations.paymentsPending> = async (ctx) => ({
  payments: await listPendingPayments(ctx, principalOf(ctx).accountId),
});
