import type { ProposalStatus } from "@opentrain-ai/contract";
import { eq } from "drizzle-orm";
import { proposals, type ProposalRow } from "../../db/schema.js";
import { withTransaction, type ServiceContext } from "../context.js";
import { recordEvent } from "../events/record-event.js";

/**
 * Moves a proposal to another of the seven statuses and writes `proposal.status_changed`
 * (`{ proposalId, status }`) to the job owner's event log in the same transaction. Setting the
 * status it already has changes nothing and writes no event. Returns the updated row.
 */
export async function changeProposalStatus(
  ctx: ServiceContext,
  change: { proposal: ProposalRow; accountId: string; status: ProposalStatus; at?: Date },
): Promise<ProposalRow> {
  if (change.proposal.status === change.status) return change.proposal;
  return withTransaction(ctx, async (tx) => {
    const at = change.at ?? tx.clock.now();
    const [updated] = await tx.db
      .update(proposals)
      .set({ status: change.status, updatedAt: at })
      .where(eq(proposals.id, change.proposal.id))
      .returning();
    await recordEvent(tx, {
      accountId: change.accountId,
      type: "proposal.status_changed",
      resourceId: change.proposal.id,
      jobId: change.proposal.jobId,
      data: { proposalId: change.proposal.id, status: change.status },
      at,
    });
    return updated!;
  });
}
