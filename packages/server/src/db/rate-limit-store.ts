import type { RateLimitStore } from "../http/rate-limiter.js";
import type { Database } from "./client.js";

/**
 * Counters are disposable (a crash loses at most one window's counts), so the table is
 * UNLOGGED and created here rather than by a migration; the advisory lock keeps two processes
 * starting at once from racing on CREATE TABLE (docs/decisions.md).
 */
const CREATE = `
begin;
select pg_advisory_xact_lock(hashtext('opentrain_rate_limit_counters'));
create unlogged table if not exists rate_limit_counters (
  key text not null,
  reset_at_ms bigint not null,
  count integer not null,
  primary key (key, reset_at_ms)
);
commit;`;

const UPSERT = `
insert into rate_limit_counters as c (key, reset_at_ms, count)
select * from unnest($1::text[], $2::bigint[], $3::integer[])
on conflict (key, reset_at_ms) do update set count = c.count + excluded.count
returning key, reset_at_ms::text as reset_at_ms, count`;

const SWEEP = `delete from rate_limit_counters where reset_at_ms <= $1`;
const SWEEP_EVERY_MS = 60_000;

interface Pending {
  key: string;
  resetAtMs: number;
  waiters: { resolve: (count: number) => void; reject: (err: unknown) => void }[];
}

/**
 * Fixed-window counters in PostgreSQL, shared by every process on the database. Requests that
 * arrive while a write is in flight are summed per key into the next single UPSERT, so under
 * load the cost is one statement per batch, not per request, and each request still gets its
 * exact position in the window (the batch's returned total minus what came after it).
 */
export class PostgresRateLimitStore implements RateLimitStore {
  private pending = new Map<string, Pending>();
  private writing = false;
  private lastSweepMs = 0;

  private constructor(private readonly database: Database) {}

  static async open(database: Database): Promise<PostgresRateLimitStore> {
    await database.exec(CREATE);
    return new PostgresRateLimitStore(database);
  }

  increment(key: string, windowMs: number, nowMs: number): Promise<{ count: number; resetAtMs: number }> {
    const resetAtMs = Math.floor(nowMs / windowMs) * windowMs + windowMs;
    const id = `${resetAtMs}\u0000${key}`;
    let entry = this.pending.get(id);
    if (!entry) {
      entry = { key, resetAtMs, waiters: [] };
      this.pending.set(id, entry);
    }
    const waiters = entry.waiters;
    const counted = new Promise<number>((resolve, reject) => waiters.push({ resolve, reject }));
    if (!this.writing) void this.flush(nowMs);
    return counted.then((count) => ({ count, resetAtMs }));
  }

  private async flush(nowMs: number): Promise<void> {
    this.writing = true;
    try {
      // Whatever arrives while a batch is written goes out with the next one, until none is left.
      while (this.pending.size > 0) {
        const batch = [...this.pending.values()];
        this.pending = new Map();
        await this.write(batch);
      }
    } finally {
      this.writing = false;
    }
    if (nowMs - this.lastSweepMs > SWEEP_EVERY_MS) {
      this.lastSweepMs = nowMs;
      // Off the request path: a failed sweep only leaves old windows for the next one.
      this.database.query("opentrain_rate_limit_sweep", SWEEP, [nowMs]).catch(() => {});
    }
  }

  private async write(batch: Pending[]): Promise<void> {
    try {
      const rows = await this.database.query("opentrain_rate_limit_upsert", UPSERT, [
        batch.map((p) => p.key),
        batch.map((p) => p.resetAtMs),
        batch.map((p) => p.waiters.length),
      ]);
      const totals = new Map(rows.map((r) => [`${r.reset_at_ms as string}\u0000${r.key as string}`, Number(r.count)]));
      for (const p of batch) {
        const total = totals.get(`${p.resetAtMs}\u0000${p.key}`) ?? 0;
        // The batch's requests took the last `waiters.length` places of the window, in order.
        const first = total - p.waiters.length + 1;
        p.waiters.forEach((w, i) => w.resolve(first + i));
      }
    } catch (err) {
      for (const p of batch) for (const w of p.waiters) w.reject(err);
    }
  }
}
