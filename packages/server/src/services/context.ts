import type { FastifyBaseLogger } from "fastify";
import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import type { Db } from "../db/client.js";

/** Everything a service verb needs; `db` may be a transaction. */
export interface ServiceContext {
  db: Db;
  clock: Clock;
  config: Config;
  log: FastifyBaseLogger;
}

/** Runs `fn` in a transaction; reuses the caller's when `ctx.db` already is one. */
export async function withTransaction<T>(ctx: ServiceContext, fn: (tx: ServiceContext) => Promise<T>): Promise<T> {
  if ((ctx as { inTransaction?: boolean }).inTransaction) return fn(ctx);
  return ctx.db.transaction(async (tx) =>
    fn({ ...ctx, db: tx as unknown as Db, inTransaction: true } as ServiceContext),
  );
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
}
