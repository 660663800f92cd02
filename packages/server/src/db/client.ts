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
  close(): Promise<void>;
}

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite. */
export async function openDatabase(config: Pick<Config, "databaseUrl" | "dataDir">): Promise<Database> {
  if (config.databaseUrl) {
    const { default: pg } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    // Bounded waits: a database that stops answering turns into 503s within seconds (error
    // handler), never a request hanging forever; statement_timeout stops runaway queries.
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
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
    return {
      db: drizzle(pool, { schema }) as unknown as Db,
      kind: "postgres",
      exec: async (sql) => {
        await pool.query(sql);
      },
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
    close: () => client.close(),
  };
}
