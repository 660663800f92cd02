import type { TopUp } from "@opentrain-ai/contract";
import type { ServiceContext } from "../context.js";
import { findTopUp } from "./find-top-up.js";
import { toTopUp } from "./top-up-view.js";

/** GET /credits/top-ups/{topUpId}: the account's top-up, expired lazily once past expiresAt. */
export async function getTopUp(ctx: ServiceContext, accountId: string, topUpId: string): Promise<TopUp> {
  return toTopUp(await findTopUp(ctx, topUpId, { accountId }), ctx.clock.now());
}
