import type { ProposalDetail } from "@opentrain-ai/contract";
import type { Principal, ServiceContext } from "../context.js";
import { findContractOfProposal } from "../contracts/find-contract-of-proposal.js";
import { findOwnedProposal } from "./find-owned-proposal.js";
import { toProposalDetail } from "./proposal-view.js";

/** GET /proposals/{proposalId}: the proposal in depth, on one of the caller's jobs (else 404). */
export async function getProposal(
  ctx: ServiceContext,
  principal: Principal,
  proposalId: string,
): Promise<{ proposal: ProposalDetail }> {
  const record = await findOwnedProposal(ctx, principal.accountId, proposalId);
  const contract = await findContractOfProposal(ctx, record.proposal.id);
  return {
    proposal: { ...toProposalDetail(record), contract: contract ? { id: contract.id, status: contract.status } : null },
  };
}
