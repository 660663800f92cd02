import type { Database } from "./client.js";
import { MIGRATIONS } from "./migrations/index.js";
import { sql } from "drizzle-orm";

/** Arbitrary constant: the advisory lock that serialises migrations across server processes. */
const MIGRATION_LOCK = 87_870_001;

/**
 * The registered migrations in the order they apply: sorted by id (`NNNN-name`). Gaps in the
 * numbers are fine; a database that already has a higher number applies a lower one that
 * landed later too, so migrations of different areas must not depend on each other's order.
 */
export function orderedMigrations(list: readonly { id: string; sql: string }[] = MIGRATIONS) {
  const ids = new Set<string>();
  for (const m of list) {
    if (!/^\d{4}-[a-z0-9-]+$/.test(m.id)) throw new Error(`Migration id "${m.id}" must look like 0007-name`);
    if (ids.has(m.id)) throw new Error(`Migration "${m.id}" is registered twice`);
    ids.add(m.id);
  }
  return [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Applies pending migrations in one transaction, in id order; safe to run from several processes. */
export async function migrate(
  database: Database,
  list: readonly { id: string; sql: string }[] = MIGRATIONS,
): Promise<string[]> {
  const { db } = database;
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    // Lock first: concurrent CREATE TABLE IF NOT EXISTS from several processes can still collide.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.execute(
      sql`CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const rows = await tx.execute<{ id: string }>(sql`SELECT id FROM schema_migrations`);
    const done = new Set(rowsOf<{ id: string }>(rows).map((r) => r.id));
    for (const m of orderedMigrations(list)) {
      if (done.has(m.id)) continue;
      // One statement per call: PGlite's extended protocol refuses multi-statement text.
      for (const statement of splitStatements(m.sql)) await tx.execute(sql.raw(statement));
      await tx.execute(sql`INSERT INTO schema_migrations (id) VALUES (${m.id})`);
      applied.push(m.id);
    }
  });
  return applied;
}

/** Ids of this build's migrations the database has not applied (readiness: none may be missing). */
export async function pendingMigrations(database: Database): Promise<string[]> {
  const rows = await database.db.execute<{ id: string }>(sql`SELECT id FROM schema_migrations`);
  const done = new Set(rowsOf<{ id: string }>(rows).map((r) => r.id));
  return MIGRATIONS.map((m) => m.id).filter((id) => !done.has(id));
}

/** node-postgres and PGlite return rows in the same `rows` field. */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/**
 * Splits migration text on statement-ending semicolons (a `;` at the end of a line), outside
 * `$$`-quoted function bodies (migrations keep `;` out of literals).
 */
export function splitStatements(text: string): string[] {
  const statements: string[] = [];
  let current = "";
  text.split("$$").forEach((part, i) => {
    if (i > 0) current += "$$";
    if (i % 2 === 1) {
      current += part; // inside a $$ body
      return;
    }
    const pieces = part.split(/;\s*(?:\n|$)/);
    current += pieces[0];
    for (const piece of pieces.slice(1)) {
      statements.push(current);
      current = piece;
    }
  });
  statements.push(current);
  return statements.map((s) => s.trim()).filter((s) => s.length > 0);
}
