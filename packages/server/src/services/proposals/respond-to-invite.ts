import { eq } from "drizzle-orm";
import { jobs, proposals, type ProposalRow } from "../../db/schema.js";
import { conflict, notFound } from "../../errors.js";
import { withTransaction, type ServiceContext } from "../context.js";
import { recordEvent } from "../events/record-event.js";
import { changeProposalStatus } from "./change-proposal-status.js";
import { submissionColumns, type ProposalContent } from "./proposal-content.js";
import { recordInterview } from "./record-interview.js";

export type InviteResponse = { accept: true; content: ProposalContent } | { accept: false };

/**
 * An invited trainer answers. Accepting submits the proposal (bid, cover note, interview, scores;
 * the status stays UNREVIEWED) and writes `proposal.received`: the employer now has a proposal to
 * review. Declining moves it to DECLINED and writes `proposal.status_changed`. Only a PENDING
 * invitation can be answered: otherwise nothing changes (`changed: false`), so a repeated answer
 * is harmless. Accepting needs the job still OPEN (409 job_not_published).
 */
export async function respondToInvite(
  ctx: ServiceContext,
  input: { proposalId: string; response: InviteResponse; at?: Date },
): Promise<{ changed: boolean; proposal: ProposalRow }> {
  return withTransaction(ctx, async (tx) => {
    const at = input.at ?? tx.clock.now();
    const [row] = await tx.db
      .select({ proposal: proposals, accountId: jobs.accountId, jobStatus: jobs.status })
      .from(proposals)
      .innerJoin(jobs, eq(jobs.id, proposals.jobId))
      .where(eq(proposals.id, input.proposalId))
      .limit(1)
      .for("update", { of: proposals });
    if (!row) throw notFound("No proposal with this id.", { resource: "proposals", proposalId: input.proposalId });
    const { proposal, accountId } = row;
    if (proposal.source !== "INVITED" || proposal.invitationStatus !== "PENDING") return { changed: false, proposal };
    if (!input.response.accept) {
      const [declined] = await tx.db
        .update(proposals)
        .set({ invitationStatus: "DECLINED", respondedAt: at, updatedAt: at })
        .where(eq(proposals.id, proposal.id))
        .returning();
      return {
        changed: true,
        proposal: await changeProposalStatus(tx, { proposal: declined!, accountId, status: "DECLINED", at }),
      };
    }
    if (row.jobStatus !== "OPEN") {
      throw conflict(`Job ${proposal.jobId} is ${row.jobStatus}; the invitation can no longer be accepted.`, {
        reason: "job_not_published",
        jobId: proposal.jobId,
        status: row.jobStatus,
      });
    }
    const { content } = input.response;
    const [accepted] = await tx.db
      .update(proposals)
      .set({ invitationStatus: "ACCEPTED", respondedAt: at, ...submissionColumns(content, at) })
      .where(eq(proposals.id, proposal.id))
      .returning();
    if (content.interview) await recordInterview(tx, proposal.id, content.interview, at);
    await recordEvent(tx, {
      accountId,
      type: "proposal.received",
      resourceId: proposal.id,
      jobId: proposal.jobId,
      data: { proposalId: proposal.id, jobId: proposal.jobId },
      at,
    });
    return { changed: true, proposal: accepted! };
  });
}
