import { sql } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import { PrecompressedJson } from "../../http/precompressed-json.js";
import type { MaybePromise } from "../../maybe-promise.js";
import { onCommit, type ServiceContext } from "../context.js";

/** The PostgreSQL channel on which every process hears that the public listing changed. */
export const LISTING_CHANGES_CHANNEL = "opentrain_listing_changes";

const MAX_ENTRIES = 2_000;
/**
 * Answers run from a few hundred bytes to ~200 KiB (100 jobs): bound the bytes, not just the
 * count (each answer's gzip copy included, counted once it is made).
 */
const MAX_BYTES = 64 * 1024 * 1024;
/** Bounds how long an answer is served if a change notice were lost in transit. */
const TTL_MS = 60_000;

interface Entry {
  generation: number;
  answer: PrecompressedJson;
}

/**
 * Serialized answers of the tokenless marketplace reads (public search), shared by every caller:
 * they depend only on the public listing, which changes only through publish, edit and close
 * (all of which call `listingChanged`). A change in this process clears the cache when it
 * commits, before its response goes out; other processes clear theirs when PostgreSQL's
 * notification arrives (milliseconds), the same contract as the auth cache.
 *
 * An answer computed from a read that started before a change is never stored after it:
 * entries carry the generation their read started in, and any change starts a new generation.
 */
export class ListingCache {
  private generation = 0;
  /** False while change notices may be missed (listener down): then nothing is served from here. */
  private live: boolean;
  private readonly entries: LRUCache<string, Entry>;

  constructor(opts: { live?: boolean; maxBytes?: number } = {}) {
    this.live = opts.live ?? true;
    this.entries = new LRUCache<string, Entry>({
      max: MAX_ENTRIES,
      maxSize: opts.maxBytes ?? MAX_BYTES,
      sizeCalculation: (e) => e.answer.size + 64,
      ttl: TTL_MS,
    });
  }

  /**
   * The cached answer for `key`, or the result of `compute` (stored when nothing changed
   * meanwhile). Only a stored answer gets a gzip copy: one sent once goes as it is.
   */
  get(key: string, compute: () => Promise<Buffer>): MaybePromise<PrecompressedJson> {
    if (this.live) {
      const hit = this.entries.get(key);
      if (hit && hit.generation === this.generation) return hit.answer;
    }
    return this.compute(key, compute);
  }

  private async compute(key: string, compute: () => Promise<Buffer>): Promise<PrecompressedJson> {
    const readAt = this.generation;
    const body = await compute();
    if (!this.live || readAt !== this.generation) return new PrecompressedJson(body, { compress: false });
    const answer: PrecompressedJson = new PrecompressedJson(body, {
      compress: true,
      onCompressed: () => this.recount(key, answer),
    });
    this.entries.set(key, { generation: readAt, answer });
    return answer;
  }

  /** The gzip copy of a stored answer now exists: count its bytes (the entry keeps its TTL). */
  private recount(key: string, answer: PrecompressedJson): void {
    const entry = this.entries.peek(key);
    if (entry?.answer === answer) this.entries.set(key, { ...entry }, { noUpdateTTL: true });
  }

  /** Something in the public listing changed: every cached answer is void. */
  invalidate(): void {
    this.generation += 1;
    this.entries.clear();
  }

  /** While not live (no change notices arrive), every read computes its answer. */
  setLive(live: boolean): void {
    if (live !== this.live) this.invalidate();
    this.live = live;
  }
}

/**
 * Call in the transaction of every write that changes what the public listing shows. This
 * process drops its cached answers at commit; the others when the notification arrives.
 */
export async function listingChanged(ctx: ServiceContext): Promise<void> {
  await ctx.db.execute(sql`select pg_notify(${LISTING_CHANGES_CHANNEL}, '')`);
  onCommit(ctx, () => ctx.listingCache?.invalidate());
}
