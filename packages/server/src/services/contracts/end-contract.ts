import { and, eq } from "drizzle-orm";
import { milestones, type ApprovalRow } from "../../db/schema.js";
import { lockLiveApproval, requestApproval } from "../approvals/request-approval.js";
import { withTransaction, type Principal, type ServiceContext } from "../context.js";
import { closeContract } from "./close-contract.js";
import { contractEnded } from "./contract-ended.js";
import { findOwnedContract } from "./find-owned-contract.js";

export type EndContractOutcome =
  { kind: "ended"; contractId: string } | { kind: "approval"; approval: ApprovalRow; created: boolean };

async function hasFundedMilestone(tx: ServiceContext, contractId: string): Promise<boolean> {
  const [row] = await tx.db
    .select({ id: milestones.id })
    .from(milestones)
    .where(and(eq(milestones.contractId, contractId), eq(milestones.status, "ACTIVE_FUNDED")))
    .limit(1);
  return row !== undefined;
}

/**
 * POST /contracts/{contractId}/end (dual mode, spec 30 §1.14): with no funded milestone the
 * contract ends now (unfunded milestones are cancelled); with funded escrow at stake a
 * `contract_end` approval is recorded (or the pending one returned) and a human confirms it.
 */
export async function endContract(
  ctx: ServiceContext,
  principal: Principal,
  contractId: string,
): Promise<EndContractOutcome> {
  return withTransaction(ctx, async (tx): Promise<EndContractOutcome> => {
    const { contract } = await findOwnedContract(tx, principal.accountId, contractId);
    if (contract.status === "ended") throw contractEnded(contract);
    // Lock order approval → contract: the live end request first (if any), then the contract, so a
    // confirmation running now (which takes them in that order) cannot deadlock with this call.
    await lockLiveApproval(tx, "contract_end", contract.id);
    const locked = await findOwnedContract(tx, principal.accountId, contractId, { lock: true });
    if (locked.contract.status === "ended") throw contractEnded(contract);
    if (!(await hasFundedMilestone(tx, contract.id))) {
      await closeContract(tx, locked.contract);
      return { kind: "ended", contractId: contract.id };
    }
    const { approval, created } = await requestApproval(
      tx,
      principal,
      {
        accountId: principal.accountId,
        type: "contract_end",
        subjectId: contract.id,
        jobId: contract.jobId,
        contractId: contract.id,
      },
      async (fresh) => {
        const again = await findOwnedContract(fresh, principal.accountId, contractId);
        if (again.contract.status === "ended") throw contractEnded(again.contract);
      },
    );
    return { kind: "approval", approval, created };
  });
}
