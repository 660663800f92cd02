import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { listTokens } from "../../services/tokens/list-tokens.js";

export const list: Handler<typeof operations.tokensList> = async (ctx) => ({
  tokens: await listTokens(ctx, principalOf(ctx)),
});
