import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Config } from "../config.js";
import * as schema from "./schema.js";

export type Schema = typeof schema;
/** The query layer shared by PGlite and node-postgres (a transaction is one too). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** Runs raw SQL text (migrations). */
  exec(sql: string): Promise<void>;
  /** One parameterised statement, prepared once per connection under `name` (hot paths outside Drizzle). */
  query(name: string, text: string, values: unknown[]): Promise<Record<string, unknown>[]>;
  /**
   * Subscribes to a notification channel (notifications arrive after the sender commits): a
   * dedicated LISTEN connection on PostgreSQL that re-opens itself after a drop, PGlite's
   * in-process listener. `onLive(false)` says notifications may be missed from now on (the
   * listening connection dropped); `onLive(true)` that they arrive again, so whatever was sent
   * meanwhile must be looked up. Resolves to a function that stops listening.
   */
  listen(channel: string, handlers: ChannelHandlers): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface ChannelHandlers {
  onNotify(payload: string): void;
  onLive(live: boolean): void;
}

/** Waits between attempts to re-open a dropped listening connection. */
const RELISTEN_DELAY_MS = 1_000;

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite. */
export async function openDatabase(config: Pick<Config, "databaseUrl" | "dataDir">): Promise<Database> {
  if (config.databaseUrl) {
    const { default: pg } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    // Bounded waits: a database that stops answering turns into 503s within seconds (error
    // handler), never a request hanging forever; statement_timeout stops runaway queries.
    // JIT off: every API query is bounded by an index range, but a skewed estimate (a prepared
    // statement's generic plan over a conversation of 1M messages) crosses jit_above_cost and
    // compiles for ~200 ms a query that runs in 0.1 ms (docs/decisions.md).
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      options: "-c jit=off",
      max: 10,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      query_timeout: 30_000,
      statement_timeout: 25_000,
      keepAlive: true,
    });
    // An idle client losing its connection must not crash the process; the pool drops it and
    // the next checkout opens a fresh one, so service resumes by itself when the database is back.
    pool.on("error", () => {});
    await pool.query("select 1");
    const listeners: InstanceType<typeof pg.Client>[] = [];
    let closed = false;
    /** One dedicated connection per subscription (a pooled one would be handed to queries). */
    const listen = async (channel: string, handlers: ChannelHandlers): Promise<() => Promise<void>> => {
      let current: InstanceType<typeof pg.Client> | null = null;
      let stopped = false;
      const open = async (): Promise<void> => {
        const client = new pg.Client({ connectionString: config.databaseUrl ?? undefined });
        listeners.push(client);
        current = client;
        let dropped = false;
        const drop = () => {
          if (dropped || closed || stopped) return;
          dropped = true;
          handlers.onLive(false);
          listeners.splice(listeners.indexOf(client), 1);
          client.end().catch(() => {});
          // A failed attempt drops again, which schedules the next one.
          setTimeout(() => {
            if (!closed && !stopped) open().catch(() => {});
          }, RELISTEN_DELAY_MS).unref();
        };
        client.on("error", drop);
        client.on("end", drop);
        client.on("notification", (n) => {
          if (n.channel === channel) handlers.onNotify(n.payload ?? "");
        });
        try {
          await client.connect();
          await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
        } catch (err) {
          drop();
          throw err;
        }
        handlers.onLive(true);
      };
      await open();
      return async () => {
        stopped = true;
        const client = current;
        if (client) {
          listeners.splice(listeners.indexOf(client), 1);
          await client.end().catch(() => {});
        }
      };
    };
    return {
      db: drizzle(pool, { schema }) as unknown as Db,
      kind: "postgres",
      exec: async (sql) => {
        await pool.query(sql);
      },
      query: async (name, text, values) => (await pool.query({ name, text, values })).rows,
      listen,
      close: async () => {
        closed = true;
        await Promise.all(listeners.map((c) => c.end().catch(() => {})));
        await pool.end();
      },
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  let client: InstanceType<typeof PGlite>;
  if (config.dataDir === "memory") {
    client = new PGlite();
  } else {
    const { mkdirSync } = await import("node:fs");
    mkdirSync(config.dataDir, { recursive: true });
    client = new PGlite(config.dataDir);
  }
  await client.waitReady;
  return {
    db: drizzle(client, { schema }) as unknown as Db,
    kind: "pglite",
    exec: async (sql) => {
      await client.exec(sql);
    },
    query: async (_name, text, values) => (await client.query<Record<string, unknown>>(text, values)).rows,
    // One process owns a PGlite database: its notifications cannot be missed.
    listen: async (channel, handlers) => {
      const unsubscribe = await client.listen(channel, (payload) => handlers.onNotify(payload));
      handlers.onLive(true);
      return async () => {
        if (!client.closed) await unsubscribe();
      };
    },
    close: () => client.close(),
  };
}
