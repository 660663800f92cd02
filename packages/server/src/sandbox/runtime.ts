import { eq } from "drizzle-orm";
import type { VirtualClock } from "../clock.js";
import type { Database } from "../db/client.js";
import { sandboxState } from "../db/schema.js";

const CLOCK_KEY = "clock_offset_ms";

/** Work that becomes due as virtual time passes (simulator steps, expiries, retries). */
export type DueTask = (now: Date) => Promise<void>;

/**
 * The sandbox's virtual clock, shared by every server process through the database, and the
 * tasks that run when it moves.
 */
export class SandboxRuntime {
  private readonly tasks: { name: string; run: DueTask }[] = [];

  constructor(
    readonly clock: VirtualClock,
    private readonly database: Database,
  ) {}

  /** Loads the shared offset (another process may have advanced it). */
  async syncClock(): Promise<void> {
    const [row] = await this.database.db.select().from(sandboxState).where(eq(sandboxState.key, CLOCK_KEY)).limit(1);
    if (row && typeof row.value === "number") this.clock.setOffset(row.value);
  }

  onDue(name: string, run: DueTask): void {
    this.tasks.push({ name, run });
  }

  /** Moves the clock forward, persists the offset, then runs every due task before returning. */
  async advance(ms: number): Promise<Date> {
    await this.syncClock();
    this.clock.advance(ms);
    const offset = this.clock.offset;
    await this.database.db
      .insert(sandboxState)
      .values({ key: CLOCK_KEY, value: offset })
      .onConflictDoUpdate({ target: sandboxState.key, set: { value: offset } });
    await this.runDue();
    return this.clock.now();
  }

  async runDue(): Promise<void> {
    const now = this.clock.now();
    for (const task of this.tasks) await task.run(now);
  }
}

/** "72h" → ms; units s, m, h, d. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([smhd])$/.exec(text.trim());
  if (!m) throw new Error(`Invalid duration "${text}": use a number followed by s, m, h or d, e.g. 72h`);
  const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as "s" | "m" | "h" | "d"];
  return Math.round(Number(m[1]) * unit);
}
