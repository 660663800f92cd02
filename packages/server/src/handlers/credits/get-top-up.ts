import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { getTopUp as get } from "../../services/credits/get-top-up.js";

export const getTopUp: Handler<typeof operations.creditsGetTopUp> = async (ctx, input) => ({
  topUp: await get(ctx, principalOf(ctx).accountId, input.topUpId),
});
