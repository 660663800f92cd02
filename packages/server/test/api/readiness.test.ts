import { http, startTestServer, type TestServer } from "@opentrain-ai/testkit";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ env: { OPENTRAIN_SANDBOX_SEED_JOBS: "0" } });
});
afterAll(() => t?.close());

describe("readiness", () => {
  it("is not ready while a migration of this build is missing, and ready again once it is applied", async () => {
    expect((await http(t.baseUrl, "GET", "/readyz")).body).toEqual({ ready: true });
    const db = t.server.database.db;
    const last = (await db.execute(sql`SELECT id FROM schema_migrations ORDER BY id DESC LIMIT 1`)) as unknown as {
      rows: { id: string }[];
    };
    const id = last.rows[0]!.id;
    await db.execute(sql`DELETE FROM schema_migrations WHERE id = ${id}`);
    try {
      const res = await http(t.baseUrl, "GET", "/readyz");
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      expect(res.body).toEqual({ ready: false, reason: "migrations_pending", pending: [id] });
      // Liveness does not depend on it.
      expect((await http(t.baseUrl, "GET", "/healthz")).status).toBe(200);
    } finally {
      await db.execute(sql`INSERT INTO schema_migrations (id) VALUES (${id})`);
    }
    expect((await http(t.baseUrl, "GET", "/readyz")).status).toBe(200);
  });
});
