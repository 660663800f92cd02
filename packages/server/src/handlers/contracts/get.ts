import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { getContract } from "../../services/contracts/get-contract.js";

export const get: Handler<typeof operations.contractsGet> = async (ctx, input) => ({
  contract: await getContract(ctx, principalOf(ctx).accountId, input.contractId),
});
