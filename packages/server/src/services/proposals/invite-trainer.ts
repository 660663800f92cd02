import type { OutputOf, operations } from "@opentrain-ai/contract";
import { and, eq } from "drizzle-orm";
import { proposals, trainers, users } from "../../db/schema.js";
import { conflict, notFound } from "../../errors.js";
import { newId } from "../../ids.js";
import { withTransaction, type Principal, type ServiceContext } from "../context.js";
import { findOwnedJob } from "../jobs/find-owned-job.js";
import { scheduleTasks } from "../simulation/schedule-task.js";
import { verificationSnapshot } from "../trainers/verification-snapshot.js";

type InviteResult = OutputOf<typeof operations.jobsInvite>;

/** Simulation task kind written when a trainer is invited (the sandbox simulator answers it). */
export const INVITE_RECEIVED_TASK = "invite_received";

/**
 * POST /jobs/{jobId}/invites. In order: the job must be the caller's (404) and OPEN (409
 * job_not_published); `freelancerId` must be a trainer (an id of a user who is not one: 409
 * not_a_freelancer; unknown or suspended: 404); a trainer who already has a proposal on the job
 * (invited or applied) answers 200 with it and `alreadyInvited: true`; an unavailable trainer is
 * 409 freelancer_unavailable. Else a new proposal (source INVITED, invitation PENDING, status
 * UNREVIEWED, no bid yet) answers 201. No event is written: the caller made the change; the
 * trainer's answer writes `proposal.received` (accept) or `proposal.status_changed` (decline).
 * In sandbox mode the invitation is handed to the simulated trainer in the same transaction.
 */
export async function inviteTrainer(
  ctx: ServiceContext,
  principal: Principal,
  input: { jobId: string; freelancerId: string },
): Promise<{ created: boolean; result: InviteResult }> {
  return withTransaction(ctx, async (tx) => {
    const job = await findOwnedJob(tx, principal.accountId, input.jobId, { lock: true });
    if (job.status !== "OPEN") {
      throw conflict(`Job ${job.id} is ${job.status}; publish it before inviting AI trainers.`, {
        reason: "job_not_published",
        jobId: job.id,
        status: job.status,
      });
    }
    const freelancerId = input.freelancerId.trim();
    const [trainer] = await tx.db.select().from(trainers).where(eq(trainers.id, freelancerId)).limit(1);
    if (!trainer || trainer.status === "SUSPENDED") {
      const [user] = await tx.db.select({ id: users.id }).from(users).where(eq(users.id, freelancerId)).limit(1);
      if (user) {
        throw conflict("This user is not an AI trainer; invite a freelancer id (GET /freelancers/{idOrSlug}).", {
          reason: "not_a_freelancer",
          freelancerId,
        });
      }
      throw notFound("No AI trainer with this id.", { resource: "freelancers", freelancerId });
    }
    const result = (proposalId: string, alreadyInvited: boolean): InviteResult => ({
      ok: true,
      proposalId,
      jobId: job.id,
      freelancerId: trainer.id,
      alreadyInvited,
    });
    const [existing] = await tx.db
      .select({ id: proposals.id })
      .from(proposals)
      .where(and(eq(proposals.jobId, job.id), eq(proposals.trainerId, trainer.id)))
      .limit(1);
    if (existing) return { created: false, result: result(existing.id, true) };
    if (trainer.status !== "ACTIVE") {
      throw conflict("This AI trainer is not available for new work; invite someone else.", {
        reason: "freelancer_unavailable",
        freelancerId: trainer.id,
      });
    }
    const now = tx.clock.now();
    const id = newId("prp");
    await tx.db.insert(proposals).values({
      id,
      jobId: job.id,
      trainerId: trainer.id,
      status: "UNREVIEWED",
      source: "INVITED",
      invitationStatus: "PENDING",
      invitedAt: now,
      invitedByUserId: principal.userId,
      verification: verificationSnapshot(trainer),
      createdAt: now,
      updatedAt: now,
    });
    if (tx.config.mode === "sandbox") {
      await scheduleTasks(tx, [
        { key: `invite:${id}`, kind: INVITE_RECEIVED_TASK, payload: { proposalId: id }, dueAt: now },
      ]);
    }
    return { created: true, result: result(id, false) };
  });
}
