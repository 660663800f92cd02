import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { revokeToken } from "../../services/tokens/revoke-token.js";

export const revoke: Handler<typeof operations.tokensRevoke> = async (ctx, input) => ({
  token: await revokeToken(ctx, principalOf(ctx), input.tokenId),
});
