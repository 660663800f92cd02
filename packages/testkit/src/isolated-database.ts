import pg from "pg";
import { randomBytes } from "node:crypto";

/**
 * A fresh database on the PostgreSQL server of `adminUrl`, so each test server has its own
 * state (the sandbox clock, for one, is per database). Dropped by `drop()`.
 */
export async function createIsolatedDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `opentrain_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
