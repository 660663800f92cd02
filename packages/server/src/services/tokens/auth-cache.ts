import type { FeatureSet } from "../accounts/features.js";
import type { AuthenticatedToken } from "./authenticate.js";

/** Above this many tracked accounts the cache starts over, so memory stays bounded. */
const MAX_ENTRIES = 50_000;

interface Entry<T> {
  value: T;
  accountId: string;
  /** The counter when the database read behind `value` started. */
  readAt: number;
  expiresAtMs: number;
}

/**
 * What the authenticated read path would otherwise ask the database on every request: the
 * token's principal (by token hash) and the account's feature flags. Every write that changes
 * either calls `invalidate(accountId)` after its commit (services/tokens/principals-changed.ts),
 * in this process directly and in the others through a PostgreSQL notification.
 *
 * A read that started before an invalidation is never served after it: entries remember the
 * counter at the start of their read and lose against a newer invalidation of their account.
 */
export class AuthCache {
  private counter = 0;
  /** Entries read before this counter value are void (set by `clear`). */
  private floor = 0;
  private readonly invalidatedAt = new Map<string, number>();
  private readonly tokens = new Map<string, Entry<AuthenticatedToken>>();
  private readonly features = new Map<string, Entry<FeatureSet>>();
  /** False while change notices may be missed (listener down): then nothing is served from here. */
  private live: boolean;

  /**
   * `ttlMs` bounds how long an entry is served without a change notice (the net under a lost
   * notification; 0 turns the cache off). Not live until change notices are known to arrive.
   */
  constructor(
    private readonly ttlMs: number,
    opts: { live?: boolean; nowMs?: () => number } = {},
  ) {
    this.live = opts.live ?? true;
    this.nowMs = opts.nowMs ?? (() => performance.now());
  }

  private readonly nowMs: () => number;

  /** Marks the start of a database read whose result may be stored with `setToken`/`setFeatures`. */
  beginRead(): number {
    return this.counter;
  }

  getToken(tokenHash: string): AuthenticatedToken | null {
    return this.valid(this.tokens, tokenHash);
  }

  setToken(tokenHash: string, value: AuthenticatedToken, readAt: number): void {
    this.store(this.tokens, tokenHash, value.principal.accountId, value, readAt);
  }

  getFeatures(accountId: string): FeatureSet | null {
    return this.valid(this.features, accountId);
  }

  setFeatures(accountId: string, value: FeatureSet, readAt: number): void {
    this.store(this.features, accountId, accountId, value, readAt);
  }

  /** Something about the account's tokens, members, claim or flags changed. */
  invalidate(accountId: string): void {
    this.counter += 1;
    this.invalidatedAt.set(accountId, this.counter);
    if (this.invalidatedAt.size > MAX_ENTRIES) this.clear();
  }

  /** Forgets everything, including reads in flight (used when change notices may have been lost). */
  clear(): void {
    this.counter += 1;
    this.floor = this.counter;
    this.invalidatedAt.clear();
    this.tokens.clear();
    this.features.clear();
  }

  /** While not live (no change notices arrive), every lookup goes to the database. */
  setLive(live: boolean): void {
    if (live !== this.live) this.clear();
    this.live = live;
  }

  private valid<T>(map: Map<string, Entry<T>>, key: string): T | null {
    if (!this.live) return null;
    const e = map.get(key);
    if (!e) return null;
    if (
      e.readAt < this.floor ||
      (this.invalidatedAt.get(e.accountId) ?? -1) > e.readAt ||
      e.expiresAtMs <= this.nowMs()
    ) {
      map.delete(key);
      return null;
    }
    return e.value;
  }

  private store<T>(map: Map<string, Entry<T>>, key: string, accountId: string, value: T, readAt: number): void {
    if (!this.live || this.ttlMs <= 0 || readAt < this.floor || (this.invalidatedAt.get(accountId) ?? -1) > readAt)
      return;
    if (map.size >= MAX_ENTRIES) map.clear();
    map.set(key, { value, accountId, readAt, expiresAtMs: this.nowMs() + this.ttlMs });
  }
}
