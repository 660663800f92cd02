import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { migrate, orderedMigrations, rowsOf, splitStatements } from "../../src/db/migrate.js";
import { MIGRATIONS } from "../../src/db/migrations/index.js";

/**
 * Areas reserve migration numbers ahead (0006 and 0007 for money while 0008 lands first), so
 * the migrator applies by id and tolerates gaps, including a lower number arriving after a
 * higher one was applied.
 */
describe("migrator", () => {
  it("orders by id whatever the registration order, and refuses duplicates and bad ids", () => {
    const list = [
      { id: "0008-webhooks", sql: "" },
      { id: "0001-foundation", sql: "" },
      { id: "0005-messages", sql: "" },
    ];
    expect(orderedMigrations(list).map((m) => m.id)).toEqual(["0001-foundation", "0005-messages", "0008-webhooks"]);
    expect(() => orderedMigrations([...list, { id: "0005-messages", sql: "" }])).toThrow(/registered twice/);
    expect(() => orderedMigrations([{ id: "webhooks", sql: "" }])).toThrow(/must look like/);
    expect(orderedMigrations().map((m) => m.id)).toEqual([...MIGRATIONS.map((m) => m.id)].sort());
  });

  it("applies a gap-numbered set, then a lower number that lands later", async () => {
    const database = await openDatabase({ dataDir: "memory", databaseUrl: null });
    try {
      const first = [
        { id: "0001-a", sql: "CREATE TABLE a (id int PRIMARY KEY);" },
        { id: "0008-c", sql: "CREATE TABLE c (id int REFERENCES a(id));" },
      ];
      expect(await migrate(database, first)).toEqual(["0001-a", "0008-c"]);
      const later = [...first, { id: "0006-b", sql: "CREATE TABLE b (id int);\nINSERT INTO b VALUES (6);" }];
      expect(await migrate(database, later)).toEqual(["0006-b"]);
      expect(await migrate(database, later)).toEqual([]);
      const applied = rowsOf<{ id: string }>(
        await (database.db as any).$client.query("SELECT id FROM schema_migrations ORDER BY applied_at, id"),
      );
      expect(applied.map((r) => r.id)).toEqual(["0001-a", "0008-c", "0006-b"]);
    } finally {
      await database.close();
    }
  });

  it("the real migrations apply from scratch", async () => {
    const database = await openDatabase({ dataDir: "memory", databaseUrl: null });
    try {
      expect(await migrate(database)).toEqual(orderedMigrations().map((m) => m.id));
    } finally {
      await database.close();
    }
  });
});

describe("splitStatements", () => {
  it("splits at line-ending semicolons but keeps $$-quoted function bodies whole", () => {
    const text = `CREATE TABLE a (x int);
CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1;
  RETURN NULL;
END
$$;
CREATE TRIGGER t AFTER INSERT ON a FOR EACH ROW EXECUTE FUNCTION f();`;
    expect(splitStatements(text)).toEqual([
      "CREATE TABLE a (x int)",
      "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  PERFORM 1;\n  RETURN NULL;\nEND\n$$",
      "CREATE TRIGGER t AFTER INSERT ON a FOR EACH ROW EXECUTE FUNCTION f()",
    ]);
  });
});
