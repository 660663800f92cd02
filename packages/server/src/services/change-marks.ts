/**
 * When each key (an account) last changed, for the per-process caches filled from database
 * reads (services/updates/event-tail-cache.ts, services/messages/inbox-cache.ts): a value read
 * for a key is current only if no change of that key was noted since its read began, so a read
 * racing a write never stores or serves what the write replaced. Marks are ordered by a counter,
 * not the clock; `reset` voids every read begun before it.
 */
export class ChangeMarks {
  private counter = 0;
  /** Reads begun before this counter value are void (set by `reset`). */
  private floor = 0;
  private readonly changedAt = new Map<string, number>();

  /** @param onOverflow called once more than `maxKeys` keys are marked (the cache should clear). */
  constructor(
    private readonly maxKeys: number,
    private readonly onOverflow: () => void,
  ) {}

  /** Marks the start of a database read; pass the result to `isCurrent`. */
  beginRead(): number {
    return this.counter;
  }

  /** True when no change of `key` was noted after a read that began at `readAt`. */
  isCurrent(key: string, readAt: number): boolean {
    return readAt >= this.floor && (this.changedAt.get(key) ?? -1) <= readAt;
  }

  /** `key` changed: reads of it begun before now are stale. */
  note(key: string): void {
    this.counter += 1;
    this.changedAt.set(key, this.counter);
    if (this.changedAt.size > this.maxKeys) this.onOverflow();
  }

  /** Every read begun before now is stale (and the marks are dropped). */
  reset(): void {
    this.counter += 1;
    this.floor = this.counter;
    this.changedAt.clear();
  }
}
