import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { createToken } from "../../services/tokens/create-token.js";

export const create: Handler<typeof operations.tokensCreate> = (ctx, input) =>
  createToken(ctx, principalOf(ctx), input);
