import { EVENT_TYPE_SCOPES, EVENT_TYPES, hasScope, type EventType, type PlatformEvent } from "@opentrain-ai/contract";
import { sql, type SQL } from "drizzle-orm";
import { rowsOf } from "../../db/migrate.js";
import type { EventRow } from "../../db/schema.js";
import { badRequest, forbidden } from "../../errors.js";
import type { MaybePromise } from "../../maybe-promise.js";
import type { Principal, ServiceContext } from "../context.js";
import { toPlatformEvent } from "../events/event-view.js";

export const UPDATES_DEFAULT_LIMIT = 50;
const MAX_EVENT_ID = 9_223_372_036_854_775_807n;

export interface UpdatesPage {
  events: PlatformEvent[];
  nextCursor: string | null;
  hasMore: boolean;
}

/** Event types the principal's read scopes cover (a write scope covers its read scope). */
export function visibleEventTypes(scopes: readonly string[]): EventType[] {
  return EVENT_TYPES.filter((type) => hasScope(scopes, EVENT_TYPE_SCOPES[type]));
}

interface RawEventRow {
  id: string | number;
  account_id: string;
  type: string;
  resource_id: string;
  job_id: string | null;
  data: Record<string, unknown> | string;
  created_at: Date | string;
}

function fromRaw(r: RawEventRow): EventRow {
  return {
    id: Number(r.id),
    accountId: r.account_id,
    type: r.type,
    resourceId: r.resource_id,
    jobId: r.job_id,
    data: typeof r.data === "string" ? (JSON.parse(r.data) as Record<string, unknown>) : r.data,
    createdAt: r.created_at instanceof Date ? r.created_at : new Date(r.created_at),
  };
}

/**
 * The rows after `after`, oldest first, at most `take`. Every plan is an index range scan
 * bounded on both sides that stops after `take` rows, so a poll costs the same on a log of a
 * thousand events or a billion: with every type visible, events_account_idx (account_id, id);
 * with some types hidden, one scan of events_feed_type_idx (account_id || '/' || type, id) per
 * visible type — hidden types are never read, however many there are — and a sort of at most
 * `take` rows per type to merge them.
 *
 * The position is a row comparison on the index key, the end a bound on its leading column,
 * and the order the full key. Written as `account_id = $1 ... ORDER BY id`, the planner may
 * walk the primary key and filter when its statistics make the account look dense (reading
 * every hidden event on the way); these bounds form no equivalence class, so only the
 * intended index gives the order.
 */
export function pageQuery(accountId: string, types: readonly EventType[], after: bigint, take: number): SQL {
  const columns = sql`id, account_id, type, resource_id, job_id, data, created_at`;
  const position = after.toString();
  if (types.length === EVENT_TYPES.length) {
    return sql`SELECT ${columns} FROM events
      WHERE (account_id, id) > (${accountId}, ${position}::bigint) AND account_id <= ${accountId}
      ORDER BY account_id, id LIMIT ${take}`;
  }
  const branches = types.map((type) => {
    const key = `${accountId}/${type}`;
    return sql`(SELECT ${columns} FROM events
        WHERE (account_id || '/' || type, id) > (${key}::text, ${position}::bigint) AND account_id || '/' || type <= ${key}::text
        ORDER BY account_id || '/' || type, id LIMIT ${take})`;
  });
  if (branches.length === 1) return branches[0]!;
  return sql`SELECT * FROM (${sql.join(branches, sql` UNION ALL `)}) visible ORDER BY id LIMIT ${take}`;
}

/** Parses a cursor; a value that no poll can have returned is a 400 that says what to send. */
async function cursorPosition(ctx: ServiceContext, cursor: string | undefined): Promise<bigint> {
  if (cursor === undefined) return 0n;
  const invalid = (why: string) =>
    badRequest(
      `cursor ${why}: pass the nextCursor of a previous poll unchanged, or omit it to start from the beginning.`,
      {
        field: "cursor",
      },
    );
  if (!/^\d{1,19}$/.test(cursor)) throw invalid("is not an event id");
  const position = BigInt(cursor);
  if (position > MAX_EVENT_ID) throw invalid("is not an event id");
  // A cursor past the newest event was not returned by this server (max(id) reads the end of the primary key).
  const [latest] = rowsOf<{ max: string | number | null }>(
    await ctx.db.execute(sql`SELECT max(id) AS max FROM events`),
  );
  if (position > BigInt(latest?.max ?? 0)) throw invalid("is ahead of the event log");
  return position;
}

/** The id of the account's newest event (0 without any): the end of events_account_idx. */
async function newestEventId(ctx: ServiceContext, accountId: string): Promise<bigint> {
  const [row] = rowsOf<{ id: string | number | null }>(
    await ctx.db.execute(sql`SELECT max(id) AS id FROM events WHERE account_id = ${accountId}`),
  );
  return BigInt(row?.id ?? 0);
}

/**
 * GET /updates: the account's events after the cursor that the token may see, oldest first.
 * A poll at the end of the log is answered synchronously, from the event tail cache.
 */
export function pollUpdates(
  ctx: ServiceContext,
  principal: Principal,
  input: { cursor?: string; limit?: number },
): MaybePromise<UpdatesPage> {
  const types = visibleEventTypes(principal.scopes);
  if (types.length === 0) {
    // The gate already answers this; kept so the service is safe on its own.
    throw forbidden("Token needs at least one of: proposals:read, messages:read, payments:read.", {
      reason: "insufficient_scope",
      requiredScopes: ["proposals:read", "messages:read", "payments:read"],
      grantedScopes: principal.scopes,
    });
  }
  const limit = input.limit ?? UPDATES_DEFAULT_LIMIT;
  // At the end of the account's log (the usual poll for news): nothing new, no database read.
  const tail = ctx.eventTail?.get(principal.accountId);
  if (
    tail !== undefined &&
    (input.cursor === undefined ? tail === 0n : /^\d{1,19}$/.test(input.cursor) && BigInt(input.cursor) === tail)
  ) {
    return { events: [], nextCursor: input.cursor ?? null, hasMore: false };
  }
  return readUpdates(ctx, principal, types, limit, input.cursor);
}

async function readUpdates(
  ctx: ServiceContext,
  principal: Principal,
  types: readonly EventType[],
  limit: number,
  cursor: string | undefined,
): Promise<UpdatesPage> {
  const readAt = ctx.eventTail?.beginRead() ?? 0;
  const after = await cursorPosition(ctx, cursor);
  const rows = rowsOf<RawEventRow>(await ctx.db.execute(pageQuery(principal.accountId, types, after, limit + 1)));
  const page = rows.slice(0, limit).map((r) => toPlatformEvent(fromRaw(r)));
  if (ctx.eventTail && !rows.length) {
    // Learn where the account's log ends, so the next poll from here needs no read.
    ctx.eventTail.remember(principal.accountId, await newestEventId(ctx, principal.accountId), readAt);
  }
  const last = page[page.length - 1];
  return {
    events: page,
    nextCursor: last ? last.id : (cursor ?? null),
    hasMore: rows.length > limit,
  };
}
