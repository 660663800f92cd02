import type { OutputOf, operations } from "@opentrain-ai/contract";
import { and, asc, count, eq, gt } from "drizzle-orm";
import { accounts, jobPublishLog, jobs } from "../../db/schema.js";
import { ApiError, badRequest, conflict, forbidden } from "../../errors.js";
import { newId } from "../../ids.js";
import { withTransaction, type Principal, type ServiceContext } from "../context.js";
import { fieldsOf } from "./fields.js";
import { findOwnedJob } from "./find-owned-job.js";
import { moderateJob, type ModerationResult } from "./moderation.js";
import { scheduleTasks } from "../simulation/schedule-task.js";
import { recordJobChange } from "./record-change.js";
import { jobUrl } from "./urls.js";
import { adviseJob, validateJob } from "./validation.js";

export const PUBLISH_WINDOW_HOURS = 24;
export const PUBLISH_CAP = { claimed: 20, unclaimed: 3 } as const;
/** Simulation task kind written on publish in sandbox mode (the simulator plans applications). */
export const JOB_PUBLISHED_TASK = "job_published";

type PublishResult = OutputOf<typeof operations.jobsPublish>;

/** The moderation 403 of a publish (spec 20 §10); the job stays a DRAFT. */
export function moderationBlocked(jobId: string, mod: ModerationResult, status: "DRAFT"): Record<string, unknown> {
  return {
    reason: "moderation_blocked",
    jobId,
    status,
    reasons: mod.reasons,
    findings: mod.findings,
    fix: [...new Set(mod.findings.map((f) => f.fix))],
  };
}

/**
 * POST /jobs/{jobId}/publish. One transaction, with the account row locked so concurrent
 * publishes of one account are serialised and cannot exceed the rolling 24 h cap:
 * already OPEN → no-op; not a DRAFT → 409; not ready → 400; cap → 429; moderation → 403;
 * else OPEN, publish log entry, PUBLISHED in the changes feed and, in sandbox mode, a simulation
 * task for the trainer simulator. Only successful publishes count against the cap (no-ops and
 * blocked attempts do not).
 */
export async function publishJob(ctx: ServiceContext, principal: Principal, jobId: string): Promise<PublishResult> {
  const outcome = await withTransaction(ctx, async (tx) => {
    await tx.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, principal.accountId)).for("update");
    const row = await findOwnedJob(tx, principal.accountId, jobId, { lock: true });
    const fields = fieldsOf(row);
    if (row.status === "OPEN") {
      return {
        kind: "ok" as const,
        result: {
          ok: true as const,
          jobId: row.id,
          status: "OPEN" as const,
          alreadyPublished: true,
          jobUrl: jobUrl(tx.config, row),
          publishAttemptId: null,
          warnings: [],
          sideEffects: { dispatched: false, status: "skipped" },
        },
      };
    }
    if (row.status !== "DRAFT") {
      throw conflict(`Job ${row.id} is ${row.status}; only a DRAFT can be published.`, {
        reason: "job_not_draft",
        jobId: row.id,
        status: row.status,
        requiredStatus: "DRAFT",
      });
    }
    const { validation, missingFields } = validateJob(fields);
    if (!validation.publishReady) {
      throw badRequest(
        `The draft is not ready to publish: set ${[...validation.missingFields, ...validation.issues.map((i) => i.field)].join(", ")} with PATCH /job-drafts/${row.id}.`,
        { reason: "not_publish_ready", jobId: row.id, validation, missingFields },
      );
    }
    const now = tx.clock.now();
    const limit = principal.claimed ? PUBLISH_CAP.claimed : PUBLISH_CAP.unclaimed;
    const windowStart = new Date(now.getTime() - PUBLISH_WINDOW_HOURS * 3_600_000);
    const inWindow = and(eq(jobPublishLog.accountId, principal.accountId), gt(jobPublishLog.publishedAt, windowStart));
    const [used] = await tx.db.select({ n: count() }).from(jobPublishLog).where(inWindow);
    if ((used?.n ?? 0) >= limit) {
      const [oldest] = await tx.db
        .select({ at: jobPublishLog.publishedAt })
        .from(jobPublishLog)
        .where(inWindow)
        .orderBy(asc(jobPublishLog.publishedAt))
        .limit(1);
      const freesAt = (oldest?.at ?? now).getTime() + PUBLISH_WINDOW_HOURS * 3_600_000;
      const retryAfterSeconds = Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000));
      throw new ApiError(
        "RATE_LIMITED",
        `Daily publish limit reached: ${limit} publishes per rolling ${PUBLISH_WINDOW_HOURS} h${principal.claimed ? "" : " for unclaimed accounts (claim the account for 20)"}. Retry in ${retryAfterSeconds} seconds.`,
        {
          reason: "publish_limit_reached",
          limit,
          windowHours: PUBLISH_WINDOW_HOURS,
          used: used?.n ?? 0,
          retryAfterSeconds,
        },
        { "retry-after": String(retryAfterSeconds) },
      );
    }
    const mod = moderateJob(fields);
    if (mod.decision === "BLOCK") {
      await tx.db
        .update(jobs)
        .set({ moderationDecision: "BLOCK", moderationReasons: mod.reasons, moderatedAt: now })
        .where(eq(jobs.id, row.id));
      return { kind: "blocked" as const, jobId: row.id, mod };
    }
    const attemptId = newId("pub");
    const [updated] = await tx.db
      .update(jobs)
      .set({
        status: "OPEN",
        publishedAt: now,
        firstPublishedAt: row.firstPublishedAt ?? now,
        closedAt: null,
        moderationDecision: "ALLOW",
        moderationReasons: [],
        moderatedAt: now,
        updatedAt: now,
      })
      .where(eq(jobs.id, row.id))
      .returning();
    await tx.db
      .insert(jobPublishLog)
      .values({ id: attemptId, accountId: principal.accountId, jobId: row.id, publishedAt: now });
    if (updated!.visibility === "PUBLIC") await recordJobChange(tx, row.id, "PUBLISHED", now);
    // Sandbox: simulated trainers find the job (the simulator plans who applies when).
    if (tx.config.mode === "sandbox") {
      await scheduleTasks(tx, [
        { key: `published:${row.id}:${attemptId}`, kind: JOB_PUBLISHED_TASK, payload: { jobId: row.id }, dueAt: now },
      ]);
    }
    return {
      kind: "ok" as const,
      result: {
        ok: true as const,
        jobId: row.id,
        status: "OPEN" as const,
        alreadyPublished: false,
        jobUrl: jobUrl(tx.config, updated!),
        publishAttemptId: attemptId,
        warnings: adviseJob(fields),
        sideEffects: { dispatched: true, status: "queued" },
      },
    };
  });
  if (outcome.kind === "blocked") {
    throw forbidden(
      `Moderation blocked this job: ${outcome.mod.reasons.join("; ")}. Fix it with PATCH /job-drafts/${outcome.jobId} and publish again.`,
      moderationBlocked(outcome.jobId, outcome.mod, "DRAFT"),
    );
  }
  return outcome.result;
}
