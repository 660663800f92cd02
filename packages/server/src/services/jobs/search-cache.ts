import { desc } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import type { Db } from "../../db/client.js";
import { jobChanges } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";

/** One full-text match: what ranking and paging need, before the page's jobs are loaded. */
export interface SearchMatch {
  id: string;
  rank: number;
  publishedAt: string;
}

interface Entry {
  version: string;
  matches: SearchMatch[];
}

/**
 * Ranked match windows of recent text searches, per database (tests run several servers in one
 * process). An entry is used only while the listing version it was computed at is still the
 * newest, so publishing, editing or closing a public job invalidates every entry at once, on
 * every server process. The TTL bounds the one stale case: a change committed after a later
 * one was read shares its version. That staleness stays inside the endpoint's caching contract
 * (`s-maxage=300`).
 */
const caches = new WeakMap<Db, LRUCache<string, Entry>>();

const MAX_ENTRIES = 500;
const TTL_MS = 30_000;

function cacheOf(db: Db): LRUCache<string, Entry> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new LRUCache<string, Entry>({ max: MAX_ENTRIES, ttl: TTL_MS })));
  return cache;
}

/** The newest public-listing change, read from the primary key (one index entry). */
export async function listingVersion(ctx: ServiceContext): Promise<string> {
  const [row] = await ctx.db.select({ id: jobChanges.id }).from(jobChanges).orderBy(desc(jobChanges.id)).limit(1);
  return String(row?.id ?? 0);
}

/** The cached window for `key`, computing and storing it when missing or out of date. */
export async function cachedMatches(
  ctx: ServiceContext,
  key: string,
  compute: () => Promise<SearchMatch[]>,
): Promise<SearchMatch[]> {
  const cache = cacheOf(ctx.db);
  const version = await listingVersion(ctx);
  const hit = cache.get(key);
  if (hit && hit.version === version) return hit.matches;
  const matches = await compute();
  cache.set(key, { version, matches });
  return matches;
}
