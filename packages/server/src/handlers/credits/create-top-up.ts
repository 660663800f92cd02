import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { createTopUp as create } from "../../services/credits/create-top-up.js";

/** `amount` is an alias of `amountUsd` (the contract requires one of them). */
export const createTopUp: Handler<typeof operations.creditsCreateTopUp> = (ctx, input) =>
  create(ctx, principalOf(ctx), { amountUsd: (input.amountUsd ?? input.amount)! });
