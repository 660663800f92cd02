import type { Db } from "./client.js";

interface Executable<T> {
  execute(values?: Record<string, unknown>): Promise<T>;
}

const byDb = new WeakMap<Db, Map<string, Executable<unknown>>>();

/**
 * A hot read's statement, built once per database and shape instead of per request: Drizzle
 * spends about a millisecond building a select over a wide table, and on PostgreSQL the named
 * statement is also parsed and planned once per connection. `name` must identify the SQL text.
 */
export function prepared<T>(db: Db, name: string, build: (db: Db, name: string) => Executable<T>): Executable<T> {
  let statements = byDb.get(db);
  if (!statements) {
    statements = new Map();
    byDb.set(db, statements);
  }
  let statement = statements.get(name) as Executable<T> | undefined;
  if (!statement) {
    statement = build(db, name);
    statements.set(name, statement as Executable<unknown>);
  }
  return statement;
}
