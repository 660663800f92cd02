import type { FastifyBaseLogger } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { openDatabase, type Database } from "../../src/db/client.js";
import { migrate } from "../../src/db/migrate.js";
import { createLogger } from "../../src/logger.js";
import { seedMarketplace } from "../../src/sandbox/seed/seed-jobs.js";
import { seedTrainers } from "../../src/sandbox/trainers/seed-trainers.js";

/**
 * The proposals area's list queries are index-served: with sequential scans off, each query
 * shape the services run names the index meant for it (20 000 proposals over 200 jobs).
 */
let database: Database;
let job = "";
let account = "";
let client: { query: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> };

beforeAll(async () => {
  database = await openDatabase({ dataDir: "memory", databaseUrl: null });
  await migrate(database);
  const ctx = {
    db: database.db,
    clock: { now: () => new Date() },
    config: loadConfig({ OPENTRAIN_DATA_DIR: "memory" }),
    log: createLogger("silent") as unknown as FastifyBaseLogger,
  };
  await seedMarketplace(ctx, { seed: "idx", jobs: 200 });
  await seedTrainers(ctx, { seed: "idx", count: 100 });
  client = (database.db as unknown as { $client: typeof client }).$client;
  await client.query(`
    INSERT INTO proposals (id, job_id, trainer_id, status, source, verification, created_at, updated_at)
    SELECT 'prp_' || j.id || '_' || t.id, j.id, t.id,
      (ARRAY['UNREVIEWED','SHORTLISTED','MAYBE','DECLINED'])[1 + (abs(hashtext(j.id || t.id)) % 4)],
      'APPLIED', '{}', now() - (abs(hashtext(t.id || j.id)) % 100000) * interval '1 second', now()
    FROM jobs j CROSS JOIN trainers t`);
  // The event log of many accounts (the feed reads one account's).
  await client.query(
    `INSERT INTO users (id, kind, created_at) SELECT 'usr_idx' || n, 'agent', now() FROM generate_series(1, 500) n`,
  );
  await client.query(
    `INSERT INTO accounts (id, name, owner_user_id, created_at) SELECT 'acc_idx' || n, 'Idx ' || n, 'usr_idx' || n, now() FROM generate_series(1, 500) n`,
  );
  await client.query(`
    INSERT INTO events (account_id, type, resource_id, job_id, data, created_at)
    SELECT 'acc_idx' || (1 + abs(hashtext(p.id)) % 500), 'proposal.received', p.id, p.job_id, '{}', p.created_at
    FROM proposals p`);
  await client.query(`
    INSERT INTO simulation_tasks (key, kind, payload, due_at, done_at, created_at)
    SELECT 'apply:' || p.id, 'apply', '{}', p.created_at, CASE WHEN random() < 0.95 THEN now() END, now()
    FROM proposals p`);
  const [row] = (await client.query("SELECT id FROM jobs LIMIT 1")).rows;
  job = String(row!.id);
  account = "acc_idx7";
  await client.query("ANALYZE");
  await client.query("SET enable_seqscan = off");
}, 120_000);
afterAll(() => database?.close());

async function plan(sql: string): Promise<string> {
  const res = await client.query(`EXPLAIN ${sql.replace(/\$JOB/g, job).replace(/\$ACCOUNT/g, account)}`);
  return res.rows.map((r) => Object.values(r)[0]).join("\n");
}

describe("proposal, event and simulation queries are index-served", () => {
  it.each([
    [
      "proposals of a job",
      `SELECT * FROM proposals WHERE job_id = '$JOB' ORDER BY created_at DESC, id DESC LIMIT 26`,
      "proposals_job_created_idx",
    ],
    [
      "proposals of a job with trainer and interview (the list's join)",
      `SELECT * FROM proposals INNER JOIN trainers ON trainers.id = proposals.trainer_id LEFT JOIN interviews ON interviews.proposal_id = proposals.id WHERE proposals.job_id = '$JOB' ORDER BY proposals.created_at DESC, proposals.id DESC LIMIT 26`,
      "proposals_job_created_idx",
    ],
    [
      "proposals of a job by status, after a cursor",
      `SELECT * FROM proposals WHERE job_id = '$JOB' AND status = 'MAYBE' AND (created_at, id) < (now(), 'x') ORDER BY created_at DESC, id DESC LIMIT 26`,
      /proposals_job_(status_)?created_idx/,
    ],
    [
      "a trainer's proposal on a job",
      `SELECT * FROM proposals WHERE job_id = '$JOB' AND trainer_id = 'ftr_x' LIMIT 1`,
      "proposals_job_trainer_key",
    ],
    [
      "proposal counts of a page of jobs",
      `SELECT job_id, count(*), count(*) FILTER (WHERE status = 'UNREVIEWED') FROM proposals WHERE job_id IN ('$JOB', 'job_b') GROUP BY job_id`,
      /proposals_job_(status_created_idx|created_idx|trainer_key)/,
    ],
    [
      "the interview of a proposal",
      `SELECT * FROM interviews WHERE proposal_id = 'prp_x' LIMIT 1`,
      "interviews_proposal_key",
    ],
    [
      "an account's events after a cursor",
      `SELECT * FROM events WHERE account_id = '$ACCOUNT' AND id > 100 ORDER BY id LIMIT 50`,
      "events_account_idx",
    ],
    [
      "the next due simulation task",
      `SELECT * FROM simulation_tasks WHERE done_at IS NULL AND due_at <= now() ORDER BY due_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      "simulation_tasks_due_idx",
    ],
  ] as [string, string, string | RegExp][])("%s", async (_name, sql, index) => {
    const p = await plan(sql);
    expect(p, p).not.toContain("Seq Scan");
    expect(p, p).toMatch(index);
  });
});
