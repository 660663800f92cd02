import type { RateLimitStore, WindowCount } from "../http/rate-limiter.js";
import type { Database } from "./client.js";
import type { MaybePromise } from "../maybe-promise.js";

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
/**
 * Besides the positions its waiting requests need, a reservation takes this fraction of what is
 * left of the window: one statement then serves many requests under a generous limit, while a
 * tight limit (under 64 left) is reserved one position at a time, exactly as if unbatched.
 */
const RESERVE_DIVISOR = 64;
/** Above this many keys with reserved positions, the reservations are dropped (memory bound). */
const MAX_BLOCKS = 100_000;

interface Waiter {
  resolve: (count: number) => void;
  reject: (err: unknown) => void;
}

interface Pending {
  key: string;
  resetAtMs: number;
  limit: number;
  waiters: Waiter[];
}

/** Positions of a window this process reserved: `next..end` are not handed out yet. */
interface Block {
  resetAtMs: number;
  next: number;
  end: number;
  /** The window's count reached the limit: no position at or under it is left anywhere. */
  spent: boolean;
}

/**
 * Fixed-window counters in PostgreSQL, shared by every process on the database. Every allowed
 * request gets a unique position in its window (at most the limit), so the sum over all
 * processes never passes the limit; refused ones report the limit + 1. Positions are reserved in blocks: requests that arrive while
 * a write is in flight are summed per key into the next single UPSERT, which also reserves a
 * share of what is left of the window for the requests that follow; those are then answered
 * from memory. Once a window is spent, this process refuses the rest of it without asking.
 */
export class PostgresRateLimitStore implements RateLimitStore {
  private pending = new Map<string, Pending>();
  private readonly blocks = new Map<string, Block>();
  private writing = false;
  private lastSweepMs = 0;

  private constructor(private readonly database: Database) {}

  static async open(database: Database): Promise<PostgresRateLimitStore> {
    await database.exec(CREATE);
    return new PostgresRateLimitStore(database);
  }

  increment(key: string, windowMs: number, nowMs: number, limit: number): MaybePromise<WindowCount> {
    const resetAtMs = Math.floor(nowMs / windowMs) * windowMs + windowMs;
    const block = this.blocks.get(key);
    if (block && block.resetAtMs === resetAtMs) {
      if (block.next <= block.end) return { count: block.next++, resetAtMs };
      if (block.spent) return { count: limit + 1, resetAtMs };
    }
    const id = `${resetAtMs}\u0000${key}`;
    let entry = this.pending.get(id);
    if (!entry) {
      entry = { key, resetAtMs, limit, waiters: [] };
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
        // The write just finished may have reserved positions for requests that queued behind it.
        this.serveFromReserved();
        if (this.pending.size === 0) break;
        const batch = [...this.pending.values()];
        this.pending = new Map();
        await this.write(batch);
      }
    } finally {
      this.writing = false;
    }
    if (nowMs - this.lastSweepMs > SWEEP_EVERY_MS) {
      this.lastSweepMs = nowMs;
      for (const [key, b] of this.blocks) if (b.resetAtMs <= nowMs) this.blocks.delete(key);
      // Off the request path: a failed sweep only leaves old windows for the next one.
      this.database.query("opentrain_rate_limit_sweep", SWEEP, [nowMs]).catch(() => {});
    }
  }

  /** Answers queued requests from reserved positions (or as refused, once a window is spent). */
  private serveFromReserved(): void {
    for (const [id, p] of this.pending) {
      const block = this.blocks.get(p.key);
      if (!block || block.resetAtMs !== p.resetAtMs) continue;
      const free = Math.max(0, block.end - block.next + 1);
      const served = p.waiters.splice(0, block.spent ? p.waiters.length : free);
      for (const w of served) w.resolve(block.next <= block.end ? block.next++ : p.limit + 1);
      if (p.waiters.length === 0) this.pending.delete(id);
    }
  }

  /** Positions to ask for: the waiting requests plus a share of what is left of the window. */
  private reserveCount(p: Pending): number {
    const known = this.blocks.get(p.key);
    const counted = known && known.resetAtMs === p.resetAtMs ? known.end : 0;
    return p.waiters.length + Math.floor(Math.max(0, p.limit - counted - p.waiters.length) / RESERVE_DIVISOR);
  }

  private async write(batch: Pending[]): Promise<void> {
    const sizes = batch.map((p) => this.reserveCount(p));
    try {
      const rows = await this.database.query("opentrain_rate_limit_upsert", UPSERT, [
        batch.map((p) => p.key),
        batch.map((p) => p.resetAtMs),
        sizes,
      ]);
      const totals = new Map(rows.map((r) => [`${r.reset_at_ms as string}\u0000${r.key as string}`, Number(r.count)]));
      if (this.blocks.size > MAX_BLOCKS) this.blocks.clear();
      batch.forEach((p, i) => {
        const total = totals.get(`${p.resetAtMs}\u0000${p.key}`) ?? 0;
        // This batch reserved the window's last `sizes[i]` positions: its waiters take the first ones, in order.
        const first = total - sizes[i]! + 1;
        p.waiters.forEach((w, j) => w.resolve(first + j));
        this.blocks.set(p.key, {
          resetAtMs: p.resetAtMs,
          next: first + p.waiters.length,
          end: Math.min(total, p.limit),
          spent: total >= p.limit,
        });
      });
    } catch (err) {
      for (const p of batch) for (const w of p.waiters) w.reject(err);
    }
  }
}
