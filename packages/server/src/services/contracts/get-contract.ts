import type { ContractDetail } from "@opentrain-ai/contract";
import type { ServiceContext } from "../context.js";
import { contractMilestones } from "./budget.js";
import { toContractDetail } from "./contract-view.js";
import { findOwnedContract } from "./find-owned-contract.js";

/** GET /contracts/{contractId}: milestones, the masked trainer, the job DM and the budget snapshot. */
export async function getContract(ctx: ServiceContext, accountId: string, contractId: string): Promise<ContractDetail> {
  const { contract, trainer } = await findOwnedContract(ctx, accountId, contractId);
  return toContractDetail(contract, trainer, await contractMilestones(ctx, contract.id));
}
