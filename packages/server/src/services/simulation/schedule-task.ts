import { simulationTasks } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";

export interface TaskToSchedule {
  /** Dedupe key: a task with the same key is kept once, whoever schedules it. */
  key: string;
  kind: string;
  payload: Record<string, unknown>;
  dueAt: Date;
}

/**
 * Writes "simulation due" rows for the sandbox simulator (in the caller's transaction, so the
 * work is scheduled exactly when the change that causes it commits). Returns how many were new.
 */
export async function scheduleTasks(ctx: ServiceContext, tasks: readonly TaskToSchedule[]): Promise<number> {
  if (tasks.length === 0) return 0;
  const now = ctx.clock.now();
  let created = 0;
  for (let i = 0; i < tasks.length; i += 200) {
    const rows = await ctx.db
      .insert(simulationTasks)
      .values(
        tasks.slice(i, i + 200).map((t) => ({
          key: t.key,
          kind: t.kind,
          payload: t.payload,
          dueAt: t.dueAt,
          attempts: 0,
          createdAt: now,
        })),
      )
      .onConflictDoNothing({ target: simulationTasks.key })
      .returning({ id: simulationTasks.id });
    created += rows.length;
  }
  return created;
}
