import { interviews } from "../../db/schema.js";
import { newId } from "../../ids.js";
import type { ServiceContext } from "../context.js";
import type { ProposalContent } from "./proposal-content.js";

/** Stores the AI interview of a submission (once per proposal). */
export async function recordInterview(
  tx: ServiceContext,
  proposalId: string,
  interview: NonNullable<ProposalContent["interview"]>,
  at: Date,
): Promise<void> {
  await tx.db
    .insert(interviews)
    .values({
      id: newId("int"),
      proposalId,
      transcript: interview.transcript,
      score: interview.score,
      summary: interview.summary,
      startedAt: interview.startedAt,
      completedAt: interview.completedAt,
      createdAt: at,
    })
    .onConflictDoNothing({ target: interviews.proposalId });
}
