import { LRUCache } from "lru-cache";
import type { MaybePromise } from "../../maybe-promise.js";
import { ChangeMarks } from "../change-marks.js";
import { onCommit, type ServiceContext } from "../context.js";

/** The PostgreSQL channel of conversation-list changes (payload: account id, or `*` for all; migration 0011). */
export const INBOX_CHANGES_CHANNEL = "opentrain_inbox_changes";

const MAX_ENTRIES = 20_000;
/** A page of 100 summaries is ~60 KiB: bound the bytes, not just the count. */
const MAX_BYTES = 64 * 1024 * 1024;
/** Accounts whose change is remembered before everything is dropped instead. */
const MAX_CHANGED_ACCOUNTS = 100_000;
/** Bounds how long an answer is served if a change notice were lost in transit. */
const TTL_MS = 60_000;

interface Entry {
  accountId: string;
  readAt: number;
  body: Buffer;
}

/**
 * Serialized conversation lists (GET /messages without conversationId) of recently asked
 * accounts: an agent polls its inbox far more often than anything in it changes. Every write
 * to a conversation, its messages or a read marker notifies the account (triggers, migration
 * 0011): this process drops the account's answers when the write commits (`inboxChanged`,
 * before its response goes out), the others when PostgreSQL's notification arrives
 * (milliseconds), the same contract as the listing and auth caches.
 *
 * An answer is kept only if no change of its account was noted since its read began, so a read
 * racing a write never stores what the write replaced.
 */
export class InboxCache {
  private readonly marks = new ChangeMarks(MAX_CHANGED_ACCOUNTS, () => this.clear());
  private readonly entries = new LRUCache<string, Entry>({
    max: MAX_ENTRIES,
    maxSize: MAX_BYTES,
    sizeCalculation: (e) => e.body.length + 128,
    ttl: TTL_MS,
  });
  /** False while change notices may be missed (listener down, or caching turned off). */
  private live: boolean;

  constructor(opts: { live?: boolean } = {}) {
    this.live = opts.live ?? true;
  }

  /** The cached answer of the account for `key`, or `compute`'s (kept when nothing changed meanwhile). */
  get(accountId: string, key: string, compute: () => Promise<Buffer>): MaybePromise<Buffer> {
    const fullKey = `${accountId}\n${key}`;
    if (this.live) {
      const hit = this.entries.get(fullKey);
      if (hit && this.marks.isCurrent(hit.accountId, hit.readAt)) return hit.body;
    }
    return this.compute(accountId, fullKey, compute);
  }

  private async compute(accountId: string, fullKey: string, compute: () => Promise<Buffer>): Promise<Buffer> {
    const readAt = this.marks.beginRead();
    const body = await compute();
    if (this.live && this.marks.isCurrent(accountId, readAt)) this.entries.set(fullKey, { accountId, readAt, body });
    return body;
  }

  /** Something the account's lists show changed (`*`: any account's). */
  noteChange(accountId: string): void {
    if (accountId === "*" || accountId === "") return this.clear();
    this.marks.note(accountId);
  }

  clear(): void {
    this.marks.reset();
    this.entries.clear();
  }

  setLive(live: boolean): void {
    if (live !== this.live) this.clear();
    this.live = live;
  }
}

/**
 * Call in the transaction of every write to the account's conversations, messages or read
 * markers: this process drops the account's cached lists at commit. (The other processes hear
 * of it from migration 0011's triggers.)
 */
export function inboxChanged(ctx: ServiceContext, accountId: string): void {
  onCommit(ctx, () => ctx.inboxCache?.noteChange(accountId));
}
