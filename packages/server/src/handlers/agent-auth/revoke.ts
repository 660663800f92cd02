import type { operations } from "@opentrain-ai/contract";
import type { Handler } from "../../http/request-context.js";
import { revokeTokenByValue } from "../../services/tokens/revoke-by-value.js";

export const revoke: Handler<typeof operations.agentAuthRevoke> = async (ctx, input) => {
  await revokeTokenByValue(ctx, input.token);
  return {};
};
