import type { ApprovalType } from "@opentrain-ai/contract";
import { and, eq } from "drizzle-orm";
import { approvals, type ApprovalRow, type ApprovalTerms } from "../../db/schema.js";
import { newId } from "../../ids.js";
import type { Principal, ServiceContext } from "../context.js";
import { scheduleTasks } from "../simulation/schedule-task.js";
import { APPROVAL_TTL_MS } from "./approval-view.js";
import { APPROVAL_EXPIRY_TASK, applyExpiry } from "./expire-approval.js";
import { resolveApproval } from "./resolve-approval.js";

export interface ApprovalRequest {
  accountId: string;
  type: ApprovalType;
  /** The proposal (hire), milestone (fund, approve) or contract (end). */
  subjectId: string;
  jobId: string;
  proposalId?: string | null;
  contractId?: string | null;
  milestoneId?: string | null;
  terms?: ApprovalTerms;
  /** Canonical text of the terms: equal keys mean "the same request". */
  termsKey?: string;
}

/**
 * Re-reads the subject after the live approval's lock was taken and throws when the request is
 * no longer valid (e.g. the hire was confirmed while this request waited for the lock).
 */
export type Revalidate = (tx: ServiceContext) => Promise<void>;

/** Locks the pending approval of a subject, if there is one (the first lock of the caller's transaction). */
export async function lockLiveApproval(
  tx: ServiceContext,
  type: ApprovalType,
  subjectId: string,
): Promise<ApprovalRow | null> {
  const [live] = await tx.db
    .select()
    .from(approvals)
    .where(and(eq(approvals.type, type), eq(approvals.subjectId, subjectId), eq(approvals.status, "pending")))
    .limit(1)
    .for("update");
  return live ?? null;
}

/**
 * Records a pending approval, or returns the live one for the same request (spec 30 §1.4, §6.4):
 * - the same subject and terms while pending → the same approval (`created: false`);
 * - a hire with other terms → the old one is superseded (status `expired`, `supersededBy` the
 *   new id, with its approval.confirmed event) and a new one is returned;
 * - a pending one past its expiry is expired first, then a new one is created.
 * The live approval's row is locked first (lock order: approval → contract → milestone →
 * balance), then `revalidate` re-reads the subject, so a request racing a confirmation sees its
 * outcome; `beforeCreate` runs only when a new approval is about to be recorded (a repeat of the
 * live one is answered even if, say, the balance dropped since). The partial unique index on
 * pending (type, subject) settles two concurrent inserts.
 * Call inside the caller's transaction.
 */
export async function requestApproval(
  tx: ServiceContext,
  principal: Principal,
  request: ApprovalRequest,
  revalidate: Revalidate,
  /** Checks that gate a new approval only (the money precondition): a repeat of the live one skips them. */
  beforeCreate?: Revalidate,
): Promise<{ approval: ApprovalRow; created: boolean }> {
  const termsKey = request.termsKey ?? "";
  for (let attempt = 0; attempt < 3; attempt++) {
    let live = await lockLiveApproval(tx, request.type, request.subjectId);
    await revalidate(tx);
    const id = newId("apr");
    if (live) {
      live = await applyExpiry(tx, live);
      if (live.status === "pending" && live.termsKey === termsKey) return { approval: live, created: false };
    }
    await beforeCreate?.(tx);
    if (live?.status === "pending") {
      await resolveApproval(tx, live, { status: "expired", at: tx.clock.now(), supersededById: id });
    }
    const now = tx.clock.now();
    const [inserted] = await tx.db
      .insert(approvals)
      .values({
        id,
        accountId: request.accountId,
        type: request.type,
        status: "pending",
        subjectId: request.subjectId,
        jobId: request.jobId,
        proposalId: request.proposalId ?? null,
        contractId: request.contractId ?? null,
        milestoneId: request.milestoneId ?? null,
        terms: request.terms ?? {},
        termsKey,
        requestedByUserId: principal.userId,
        requestedByTokenId: principal.tokenId || null,
        expiresAt: new Date(now.getTime() + APPROVAL_TTL_MS),
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (inserted) {
      if (tx.config.mode === "sandbox") {
        // The sandbox clock applies the expiry when it passes expiresAt (reads apply it lazily too).
        await scheduleTasks(tx, [
          {
            key: `${APPROVAL_EXPIRY_TASK}:${inserted.id}`,
            kind: APPROVAL_EXPIRY_TASK,
            payload: { approvalId: inserted.id },
            dueAt: inserted.expiresAt,
          },
        ]);
      }
      return { approval: inserted, created: true };
    }
    // A concurrent request inserted the live approval first: read it (and its terms) again.
  }
  throw new Error(`could not record a ${request.type} approval for ${request.subjectId}: too much contention`);
}
