import { and, eq } from "drizzle-orm";
import { conversations } from "../../db/schema.js";
import { newId } from "../../ids.js";
import type { ServiceContext } from "../context.js";
import { inboxChanged } from "../messages/inbox-cache.js";
import { setConversationReadOnly } from "../messages/set-read-only.js";

/**
 * The post-hire job DM of a new contract (a JOB conversation between the account and the hired
 * trainer), in the hire's transaction. The proposal's pre-hire thread, if any, becomes read-only:
 * the talk moves to the job DM. Returns the new conversation's id.
 */
export async function openJobConversation(
  tx: ServiceContext,
  hire: { accountId: string; trainerId: string; proposalId: string; jobId: string; contractId: string; userId: string },
  at: Date,
): Promise<string> {
  const id = newId("cnv");
  await tx.db.insert(conversations).values({
    id,
    kind: "JOB",
    accountId: hire.accountId,
    trainerId: hire.trainerId,
    proposalId: hire.proposalId,
    jobId: hire.jobId,
    contractId: hire.contractId,
    readOnly: false,
    createdByUserId: hire.userId,
    lastActivityAt: at,
    createdAt: at,
    updatedAt: at,
  });
  inboxChanged(tx, hire.accountId);
  const [preHire] = await tx.db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.kind, "PROPOSAL"), eq(conversations.proposalId, hire.proposalId)))
    .limit(1);
  if (preHire) await setConversationReadOnly(tx, preHire.id);
  return id;
}
