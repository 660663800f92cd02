import { LRUCache } from "lru-cache";
import { ChangeMarks } from "../change-marks.js";

const MAX_ACCOUNTS = 100_000;

/**
 * The newest event id of recently polled accounts, so a poll already at the end of its log
 * (what an agent polling for news asks nearly every time) is answered without the database.
 * Every event written raises its account's entry: in this process when the write commits, in
 * the others when PostgreSQL's notification arrives (milliseconds; a poll in between answers
 * "nothing new" and the next one finds the event, so nothing is skipped — cursors only move to
 * events a poll returned).
 *
 * A value read from the database is stored only if no event of that account was noted since
 * the read began, so a read racing a write never lowers what is known.
 */
export class EventTailCache {
  private readonly marks = new ChangeMarks(MAX_ACCOUNTS, () => this.clear());
  private readonly latest = new LRUCache<string, bigint>({ max: MAX_ACCOUNTS });
  /** False while notices may be missed (listener down): then nothing is served from here. */
  private live: boolean;

  constructor(opts: { live?: boolean } = {}) {
    this.live = opts.live ?? true;
  }

  /** The newest event id of the account, when known. */
  get(accountId: string): bigint | undefined {
    return this.live ? this.latest.get(accountId) : undefined;
  }

  /** Marks the start of a database read whose result may be stored with `remember`. */
  beginRead(): number {
    return this.marks.beginRead();
  }

  remember(accountId: string, newestId: bigint, readAt: number): void {
    if (!this.live || !this.marks.isCurrent(accountId, readAt)) return;
    this.latest.set(accountId, newestId);
  }

  /** An event of the account committed. */
  noteEvent(accountId: string, eventId: bigint): void {
    this.marks.note(accountId);
    const known = this.latest.get(accountId);
    if (known !== undefined && eventId > known) this.latest.set(accountId, eventId);
  }

  /** Parses a notification payload (`accountId:eventId`). */
  noteNotification(payload: string): void {
    const at = payload.lastIndexOf(":");
    if (at <= 0 || !/^\d+$/.test(payload.slice(at + 1))) return this.clear();
    this.noteEvent(payload.slice(0, at), BigInt(payload.slice(at + 1)));
  }

  clear(): void {
    this.marks.reset();
    this.latest.clear();
  }

  setLive(live: boolean): void {
    if (live !== this.live) this.clear();
    this.live = live;
  }
}
