import { and, asc, eq, isNull, lte } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { simulationTasks, type SimulationTaskRow } from "../../db/schema.js";
import { withTransaction, type ServiceContext } from "../context.js";

/** Does one task's work inside the transaction that holds the task's row lock. */
export type TaskHandler = (tx: ServiceContext, task: SimulationTaskRow) => Promise<void>;

/** A failing task is retried this many times (a minute apart on the clock), then given up. */
export const MAX_TASK_ATTEMPTS = 3;

/**
 * Runs every simulation task due at `now`, oldest first, one transaction per task. The task row
 * is taken with FOR UPDATE SKIP LOCKED and marked done in the same transaction as its work, so
 * several server processes can run this together and each task's work happens once. Tasks that
 * become due while this runs (work scheduling more work) are picked up too, up to `max`.
 * Returns the number of tasks run.
 */
export async function runDueTasks(
  ctx: ServiceContext,
  now: Date,
  handlers: Readonly<Record<string, TaskHandler>>,
  opts: { max?: number } = {},
): Promise<number> {
  const max = opts.max ?? 10_000;
  let ran = 0;
  while (ran < max) {
    const outcome = await withTransaction(ctx, async (tx) => {
      const [task] = await tx.db
        .select()
        .from(simulationTasks)
        .where(and(isNull(simulationTasks.doneAt), lte(simulationTasks.dueAt, now)))
        .orderBy(asc(simulationTasks.dueAt), asc(simulationTasks.id))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!task) return "idle" as const;
      const handler = handlers[task.kind];
      try {
        if (!handler) throw new Error(`no handler for simulation task kind "${task.kind}"`);
        // A savepoint: a failing handler's writes are undone, the bookkeeping below is kept.
        await tx.db.transaction(async (sp) => handler({ ...tx, db: sp as unknown as Db }, task));
        await tx.db
          .update(simulationTasks)
          .set({ doneAt: tx.clock.now(), attempts: task.attempts + 1 })
          .where(eq(simulationTasks.id, task.id));
      } catch (err) {
        const attempts = task.attempts + 1;
        const giveUp = attempts >= MAX_TASK_ATTEMPTS;
        ctx.log.warn({ err, taskId: task.id, kind: task.kind, attempts, giveUp }, "simulation task failed");
        await tx.db
          .update(simulationTasks)
          .set({
            attempts,
            lastError: err instanceof Error ? err.message.slice(0, 2000) : String(err).slice(0, 2000),
            doneAt: giveUp ? tx.clock.now() : null,
            dueAt: giveUp ? task.dueAt : new Date(now.getTime() + 60_000),
          })
          .where(eq(simulationTasks.id, task.id));
      }
      return "ran" as const;
    });
    if (outcome === "idle") break;
    ran++;
  }
  return ran;
}
