import { andThen, type MaybePromise } from "../maybe-promise.js";

/** Outcome of counting one request against a limit. */
export interface RateLimitHit {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the current window resets. */
  retryAfterSeconds: number;
}

/** A request's position in its window (allowed while at most the limit) and the window's end. */
export interface WindowCount {
  count: number;
  resetAtMs: number;
}

/** Where counters live; the in-memory store serves one process (PostgreSQL-backed for scale-out). */
export interface RateLimitStore {
  /**
   * Counts one request of `key` in the fixed window containing `nowMs`. A count known in memory
   * comes back as a value, not a promise: this runs on every request, and a promise costs.
   */
  increment(key: string, windowMs: number, nowMs: number, limit: number): MaybePromise<WindowCount>;
}

export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, WindowCount>();
  private lastSweepMs = 0;

  increment(key: string, windowMs: number, nowMs: number): WindowCount {
    this.sweep(nowMs);
    const windowStart = Math.floor(nowMs / windowMs) * windowMs;
    const resetAtMs = windowStart + windowMs;
    const current = this.windows.get(key);
    if (!current || current.resetAtMs !== resetAtMs) {
      const fresh = { count: 1, resetAtMs };
      this.windows.set(key, fresh);
      return fresh;
    }
    current.count += 1;
    // A copy: the window's object keeps counting after this request.
    return { count: current.count, resetAtMs };
  }

  /** Drops finished windows at most once a second, so memory stays bounded by active keys. */
  private sweep(nowMs: number) {
    if (nowMs - this.lastSweepMs < 1000) return;
    this.lastSweepMs = nowMs;
    for (const [key, w] of this.windows) if (w.resetAtMs <= nowMs) this.windows.delete(key);
  }
}

/** Fixed-window limiter; time is real wall-clock time, never the sandbox's virtual clock. */
export class RateLimiter {
  constructor(
    private readonly store: RateLimitStore,
    private readonly nowMs: () => number,
  ) {}

  /** The outcome; a promise only when the store must ask the database. */
  hit(key: string, limit: number, windowMs: number): MaybePromise<RateLimitHit> {
    const now = this.nowMs();
    return andThen(this.store.increment(key, windowMs, now, limit), (c) => RateLimiter.outcome(c, limit, now));
  }

  private static outcome({ count, resetAtMs }: WindowCount, limit: number, now: number): RateLimitHit {
    return {
      allowed: count <= limit,
      limit,
      remaining: Math.max(0, limit - count),
      retryAfterSeconds: Math.max(1, Math.ceil((resetAtMs - now) / 1000)),
    };
  }
}
