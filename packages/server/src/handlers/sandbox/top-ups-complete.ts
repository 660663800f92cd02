import { SANDBOX_CARDS, type operations } from "@opentrain-ai/contract";
import type { Handler } from "../../http/request-context.js";
import { payTopUpWithCard } from "../../services/credits/complete-top-up.js";

/** Same as paying on the checkout page: 402 for a declined card (still pending), 409 once expired. */
export const topUpsComplete: Handler<typeof operations.sandboxTopUpsComplete> = (ctx, input) =>
  payTopUpWithCard(ctx, { topUpId: input.topUpId, card: { number: input.card ?? SANDBOX_CARDS.success } });
