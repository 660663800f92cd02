import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Config } from "../config.js";
import type { Channel } from "./notifications.js";
import * as schema from "./schema.js";

export type Schema = typeof schema;
/** The query layer shared by PGlite and node-postgres (a transaction is one too). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** Runs raw SQL text (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Calls `onNotify` for every NOTIFY on `channel` (after the sender commits): a dedicated
   * LISTEN connection on PostgreSQL, which reconnects after a lost connection and then calls
   * `onNotify` once (a notification may have been missed); PGlite's in-process listener.
   * Resolves to a function that stops listening.
   */
  listen(channel: Channel, onNotify: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite. */
export async function openDatabase(config: Pick<Config, "databaseUrl" | "dataDir">): Promise<Database> {
  if (config.databaseUrl) {
    const { default: pg } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
    // An idle client losing its connection must not crash the process.
    pool.on("error", () => {});
    await pool.query("select 1");
    return {
      db: drizzle(pool, { schema }) as unknown as Db,
      kind: "postgres",
      exec: async (sql) => {
        await pool.query(sql);
      },
      listen: (channel, onNotify) => listenPostgres(pg, config.databaseUrl!, channel, onNotify),
      close: () => pool.end(),
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
    listen: async (channel, onNotify) => {
      const unsubscribe = await client.listen(channel, () => onNotify());
      return async () => {
        if (!client.closed) await unsubscribe();
      };
    },
    close: () => client.close(),
  };
}

type PgModule = typeof import("pg").default;

/** LISTEN on a client of its own (a pooled connection would drop the subscription), kept alive. */
async function listenPostgres(
  pg: PgModule,
  url: string,
  channel: Channel,
  onNotify: () => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: InstanceType<PgModule["Client"]> | null = null;
  let retry: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on("error", () => {}); // reported through "end" below, or by connect() rejecting
    c.on("notification", (msg) => {
      if (msg.channel === channel) onNotify();
    });
    await c.connect();
    try {
      await c.query(`LISTEN ${channel}`);
    } catch (err) {
      await c.end().catch(() => {});
      throw err;
    }
    if (stopped) {
      await c.end().catch(() => {});
      return;
    }
    c.on("end", () => {
      if (client === c) scheduleReconnect();
    });
    client = c;
  };

  const scheduleReconnect = () => {
    client = null;
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = null;
      if (stopped) return;
      connect().then(
        () => onNotify(), // whatever was sent while disconnected is picked up now
        () => scheduleReconnect(),
      );
    }, 1_000);
    retry.unref();
  };

  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const c = client;
    client = null;
    await c?.end().catch(() => {});
  };
}
