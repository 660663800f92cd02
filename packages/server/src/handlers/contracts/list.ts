import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { listContracts } from "../../services/contracts/list-contracts.js";

export const list: Handler<typeof operations.contractsList> = async (ctx, input) => ({
  contracts: await listContracts(ctx, principalOf(ctx).accountId, input),
});
