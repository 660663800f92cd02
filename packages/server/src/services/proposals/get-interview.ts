import type { OutputOf, operations } from "@opentrain-ai/contract";
import { eq } from "drizzle-orm";
import { iso } from "../../clock.js";
import { interviews } from "../../db/schema.js";
import { notFound } from "../../errors.js";
import type { Principal, ServiceContext } from "../context.js";
import { sanitizeOptional } from "../privacy/sanitize-text.js";
import { sanitizeTranscript } from "../privacy/sanitize-transcript.js";
import { findOwnedProposal } from "./find-owned-proposal.js";

type Result = OutputOf<typeof operations.proposalsInterview>;

/**
 * GET /proposals/{proposalId}/interview: the sanitized transcript, oldest first. 404 for a
 * proposal that is not on the caller's jobs, and for one without a recorded interview.
 */
export async function getInterview(ctx: ServiceContext, principal: Principal, proposalId: string): Promise<Result> {
  const { proposal, trainer } = await findOwnedProposal(ctx, principal.accountId, proposalId);
  const [row] = await ctx.db.select().from(interviews).where(eq(interviews.proposalId, proposal.id)).limit(1);
  if (!row) {
    throw notFound(
      "No AI interview is recorded for this proposal (aiInterview.transcriptAvailable is false on GET /proposals/{proposalId}).",
      { resource: "interviews", proposalId: proposal.id },
    );
  }
  const clean = { lastNames: [trainer.lastName] };
  return {
    interview: {
      proposalId: proposal.id,
      interviewId: row.id,
      score: row.score,
      summary: sanitizeOptional(row.summary, clean),
      messages: sanitizeTranscript(row.transcript, {
        ...clean,
        completedAt: iso(row.completedAt ?? row.createdAt),
      }),
    },
  };
}
