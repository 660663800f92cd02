import type { FastifyBaseLogger } from "fastify";
import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import type { ListingCache } from "./jobs/listing-cache.js";
import type { InboxCache } from "./messages/inbox-cache.js";
import type { AuthCache } from "./tokens/auth-cache.js";
import type { EventTailCache } from "./updates/event-tail-cache.js";

/** Everything a service verb needs; `db` may be a transaction. */
export interface ServiceContext {
  db: Db;
  clock: Clock;
  config: Config;
  log: FastifyBaseLogger;
  /** Principals and feature flags of recent requests; writes that change them invalidate it. */
  authCache?: AuthCache;
  /** Serialized public-listing answers; writes that change the listing invalidate it. */
  listingCache?: ListingCache;
  /** Newest event id per recently polled account; every event written raises it. */
  eventTail?: EventTailCache;
  /** Serialized conversation lists per account; writes to conversations, messages and read markers invalidate it. */
  inboxCache?: InboxCache;
}

type TxContext = ServiceContext & { inTransaction: true; afterCommit: (() => void)[] };

/** Runs `fn` in a transaction; reuses the caller's when `ctx.db` already is one. */
export async function withTransaction<T>(ctx: ServiceContext, fn: (tx: ServiceContext) => Promise<T>): Promise<T> {
  if ((ctx as { inTransaction?: boolean }).inTransaction) return fn(ctx);
  const afterCommit: (() => void)[] = [];
  const result = await ctx.db.transaction(async (tx) =>
    fn({ ...ctx, db: tx as unknown as Db, inTransaction: true, afterCommit } as TxContext),
  );
  for (const run of afterCommit) run();
  return result;
}

/** Runs `fn` once the caller's transaction has committed (at once outside a transaction). */
export function onCommit(ctx: ServiceContext, fn: () => void): void {
  const pending = (ctx as Partial<TxContext>).afterCommit;
  if (pending) pending.push(fn);
  else fn();
}

/** The authenticated caller of a Public API operation. */
export interface Principal {
  tokenId: string;
  tokenName: string;
  userId: string;
  accountId: string;
  scopes: string[];
  claimed: boolean;
  role: "OWNER" | "MEMBER";
  /**
   * The user and account as they were when the token was looked up (GET /auth/me answers from
   * it); only bearer-token principals carry it, not the web's signed-in humans.
   */
  profile?: {
    email: string | null;
    firstName: string;
    lastName: string;
    accountName: string;
    ownerUserId: string;
    claimedAt: Date | null;
  };
}
