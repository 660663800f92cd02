import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { listLedger } from "../../services/credits/list-ledger.js";

export const ledger: Handler<typeof operations.creditsLedger> = (ctx, input) =>
  listLedger(ctx, principalOf(ctx).accountId, input);
