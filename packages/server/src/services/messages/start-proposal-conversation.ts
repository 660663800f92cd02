import { and, eq } from "drizzle-orm";
import { conversations, type ProposalRow, type TrainerRow } from "../../db/schema.js";
import { conflict } from "../../errors.js";
import { newId } from "../../ids.js";
import { withTransaction, type Principal, type ServiceContext } from "../context.js";
import { findOwnedProposal } from "../proposals/find-owned-proposal.js";
import { inboxChanged } from "./inbox-cache.js";

export interface StartedConversation {
  ok: true;
  conversationId: string;
  proposalId: string;
  jobId: string;
  created: boolean;
}

/**
 * Why a proposal cannot have a pre-hire thread yet, or null when it can: the trainer must have
 * submitted it (applied, or accepted the invitation; a pending or declined invitation has nobody
 * to talk to yet) and still be reachable (not suspended). Any review status allows messaging.
 */
export function notReadyForMessaging(proposal: ProposalRow, trainer: TrainerRow): string | null {
  if (proposal.source === "INVITED" && proposal.invitationStatus !== "ACCEPTED") {
    return proposal.invitationStatus === "DECLINED"
      ? "The AI trainer declined the invitation, so there is nobody to message on this proposal."
      : "The AI trainer has not accepted the invitation yet; you can message them once they do.";
  }
  if (trainer.status === "SUSPENDED") return "This AI trainer can no longer receive messages.";
  return null;
}

/**
 * POST /proposals/{proposalId}/conversation: the pre-hire thread of one of the account's
 * proposals, created on first call (`created: true`) and the same one on every later call
 * (`created: false`). Another account's proposal is a 404; a proposal without a reachable
 * candidate is 409 `proposal_not_ready_for_messaging`. The unique index on (kind, proposal_id)
 * keeps concurrent calls to one thread.
 */
export async function startProposalConversation(
  ctx: ServiceContext,
  principal: Principal,
  proposalId: string,
): Promise<StartedConversation> {
  return withTransaction(ctx, async (tx) => {
    const { proposal, trainer } = await findOwnedProposal(tx, principal.accountId, proposalId);
    const result = (conversationId: string, created: boolean): StartedConversation => ({
      ok: true,
      conversationId,
      proposalId: proposal.id,
      jobId: proposal.jobId,
      created,
    });
    const [existing] = await tx.db
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.kind, "PROPOSAL"), eq(conversations.proposalId, proposal.id)))
      .limit(1);
    if (existing) return result(existing.id, false);
    const why = notReadyForMessaging(proposal, trainer);
    if (why) {
      throw conflict(why, { reason: "proposal_not_ready_for_messaging", proposalId: proposal.id });
    }
    const now = tx.clock.now();
    const [created] = await tx.db
      .insert(conversations)
      .values({
        id: newId("cnv"),
        kind: "PROPOSAL",
        accountId: principal.accountId,
        trainerId: trainer.id,
        proposalId: proposal.id,
        jobId: proposal.jobId,
        readOnly: false,
        createdByUserId: principal.userId,
        lastActivityAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: [conversations.kind, conversations.proposalId] })
      .returning({ id: conversations.id });
    if (created) {
      inboxChanged(tx, principal.accountId);
      return result(created.id, true);
    }
    // Another request created it between our read and insert.
    const [raced] = await tx.db
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.kind, "PROPOSAL"), eq(conversations.proposalId, proposal.id)))
      .limit(1);
    return result(raced!.id, false);
  });
}
