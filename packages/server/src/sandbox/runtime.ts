import { eq } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import type { VirtualClock } from "../clock.js";
import type { Database } from "../db/client.js";
import { sandboxState } from "../db/schema.js";

const CLOCK_KEY = "clock_offset_ms";

/** Work that becomes due as virtual time passes (simulator steps, expiries, retries). */
export type DueTask = (now: Date) => Promise<void>;

/**
 * The sandbox's virtual clock, shared by every server process through the database, and the
 * tasks that run when it moves. Runs of the due tasks never overlap within a process (a clock
 * advance waits for a tick in progress, then runs again); across processes the tasks themselves
 * take row locks.
 */
export class SandboxRuntime {
  private readonly tasks: { name: string; run: DueTask }[] = [];
  /** The run in progress (or the last one), so runs queue instead of overlapping. */
  private running: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private tickInFlight: Promise<void> | null = null;

  constructor(
    readonly clock: VirtualClock,
    private readonly database: Database,
    private readonly log?: FastifyBaseLogger,
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

  /** Runs every due task at the current (virtual) time, after any run already in progress. */
  runDue(): Promise<void> {
    const run = this.running.then(async () => {
      const now = this.clock.now();
      for (const task of this.tasks) await task.run(now);
    });
    this.running = run.catch(() => {});
    return run;
  }

  /**
   * Also runs the due tasks every `intervalMs` of real time, so a sandbox left running sees
   * trainers apply and answer as virtual time reaches their moments, without anyone advancing
   * the clock. A tick re-reads the shared clock first (another process may have moved it).
   */
  start(intervalMs: number): void {
    if (this.timer || intervalMs <= 0) return;
    this.timer = setInterval(() => {
      // A slow run is not stacked up: the next tick comes after it.
      this.tickInFlight ??= this.tick().finally(() => (this.tickInFlight = null));
    }, intervalMs);
    this.timer.unref();
  }

  /** Stops the ticks and waits for a run in progress, before the database closes. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.tickInFlight;
    await this.running;
  }

  private async tick(): Promise<void> {
    try {
      await this.syncClock();
      if (this.timer) await this.runDue();
    } catch (err) {
      this.log?.warn({ err }, "sandbox: running due tasks failed");
    }
  }
}

/** "72h" → ms; units s, m, h, d. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([smhd])$/.exec(text.trim());
  if (!m) throw new Error(`Invalid duration "${text}": use a number followed by s, m, h or d, e.g. 72h`);
  const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as "s" | "m" | "h" | "d"];
  return Math.round(Number(m[1]) * unit);
}
