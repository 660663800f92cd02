import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { getCredits } from "../../services/credits/get-credits.js";

export const get: Handler<typeof operations.creditsGet> = async (ctx) => ({
  credits: await getCredits(ctx, principalOf(ctx).accountId),
});
