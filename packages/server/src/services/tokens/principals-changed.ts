import { sql } from "drizzle-orm";
import { onCommit, type ServiceContext } from "../context.js";

/** The PostgreSQL channel on which every process hears that an account's principals changed. */
export const AUTH_CHANGES_CHANNEL = "opentrain_auth_changes";

/**
 * Call after (in the same transaction as) every write that changes what a principal is: a
 * token revoked, a membership or its role, the account's claim, its feature flags. This process
 * drops its cached principals of the account once the write commits, before the response goes
 * out; other processes drop theirs when the notification, sent by PostgreSQL at commit, arrives.
 */
export async function principalsChanged(ctx: ServiceContext, accountIds: Iterable<string>): Promise<void> {
  for (const accountId of new Set(accountIds)) {
    await ctx.db.execute(sql`select pg_notify(${AUTH_CHANGES_CHANNEL}, ${accountId})`);
    onCommit(ctx, () => ctx.authCache?.invalidate(accountId));
  }
}
