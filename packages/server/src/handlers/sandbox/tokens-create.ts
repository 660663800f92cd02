import type { operations } from "@opentrain-ai/contract";
import type { Handler } from "../../http/request-context.js";
import { mintTokenAsHuman } from "../../services/tokens/mint-as-human.js";

export const tokensCreate: Handler<typeof operations.sandboxTokensCreate> = (ctx, input) =>
  mintTokenAsHuman(ctx, { accountId: input.accountId, name: input.name, scopes: input.scopes });
