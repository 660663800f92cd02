import { EVENT_TYPES, type EventType } from "@opentrain-ai/contract";
import { claimedAgent, startTestServer, type TestServer } from "@opentrain-ai/testkit";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../src/db/migrate.js";
import { pageQuery } from "../../src/services/updates/poll-updates.js";

/**
 * The plans of the exact queries GET /updates runs, on a log of 60,000 events of one account
 * (and 20,000 of another): every scan is an index range scan bounded by the cursor that stops
 * after the page — no sequential scan, no filtered row, no sort beyond merging the pages of the
 * visible types — so a poll's cost does not depend on the size of the log. Runs on PGlite and,
 * in the PostgreSQL suite, on PostgreSQL.
 */
let t: TestServer;
let accountId: string;
let maxId: bigint;
const LIMIT = 50;

beforeAll(async () => {
  t = await startTestServer({ env: { OPENTRAIN_SANDBOX_SEED_JOBS: "0" } });
  accountId = (await claimedAgent(t)).accountId;
  const otherId = (await claimedAgent(t)).accountId;
  const db = t.server.database.db;
  // One message.received in 200: the type a messages-only token sees is rare in the log.
  await db.execute(sql`
    INSERT INTO events (account_id, type, resource_id, job_id, data, created_at)
    SELECT ${accountId},
           CASE WHEN g % 200 = 0 THEN 'message.received'
                ELSE (ARRAY['proposal.received','proposal.status_changed','payment.pending','contract.created'])[1 + g % 4] END,
           'res_' || g, NULL, '{}'::jsonb, now()
    FROM generate_series(1, 60000) AS g`);
  await db.execute(sql`
    INSERT INTO events (account_id, type, resource_id, job_id, data, created_at)
    SELECT ${otherId}, 'message.received', 'res_' || g, NULL, '{}'::jsonb, now() FROM generate_series(1, 20000) AS g`);
  await db.execute(sql`ANALYZE events`);
  const [row] = rowsOf<{ max: string | number }>(await db.execute(sql`SELECT max(id) AS max FROM events`));
  maxId = BigInt(row!.max);
}, 180_000);
afterAll(() => t?.close());

interface PlanNode {
  "Node Type": string;
  "Index Name"?: string;
  "Actual Rows": number;
  "Actual Loops": number;
  "Rows Removed by Filter"?: number;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

async function explain(types: readonly EventType[], after: bigint) {
  const res = await t.server.database.db.execute(
    sql`EXPLAIN (ANALYZE, FORMAT JSON) ${pageQuery(accountId, types, after, LIMIT + 1)}`,
  );
  const first = rowsOf<Record<string, unknown>>(res)[0]!;
  const raw = Object.values(first)[0];
  const doc = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
  const all = nodes(doc[0]!.Plan);
  const scans = all.filter((n) => /Scan/.test(n["Node Type"]));
  return {
    all,
    scans,
    rowsRead: scans.reduce((sum, n) => sum + n["Actual Rows"] * n["Actual Loops"], 0),
  };
}

const MESSAGES_ONLY: EventType[] = ["message.received"];
const PROPOSALS_AND_MESSAGES = EVENT_TYPES.filter((t) => t.startsWith("proposal.") || t === "message.received");

describe("GET /updates query plans", () => {
  it.each([
    ["all types, first page", EVENT_TYPES, () => 0n, "events_account_idx", 1],
    ["all types, from a cursor near the end", EVENT_TYPES, () => maxId - 30_000n, "events_account_idx", 1],
    ["messages only (1 event in 200), first page", MESSAGES_ONLY, () => 0n, "events_account_type_idx", 1],
    ["messages only, tail poll", MESSAGES_ONLY, () => maxId - 100n, "events_account_type_idx", 1],
    ["proposals and messages", PROPOSALS_AND_MESSAGES, () => 1_000n, "events_account_type_idx", 3],
  ] as const)(
    "%s: index range scans that read at most a page per visible type",
    async (_name, types, after, index, branches) => {
      const plan = await explain(types, after());
      expect(plan.scans.length).toBe(branches);
      for (const scan of plan.scans) {
        expect(scan["Node Type"]).toBe("Index Scan");
        expect(scan["Index Name"]).toBe(index);
        // Bounds, not filters: no row is read only to be thrown away.
        expect(scan["Rows Removed by Filter"] ?? 0).toBe(0);
      }
      expect(plan.rowsRead).toBeLessThanOrEqual((LIMIT + 1) * branches);
      // Several visible types: their pages are merged by a sort of at most a page each.
      for (const sort of plan.all.filter((n) => n["Node Type"] === "Sort")) {
        expect(branches).toBeGreaterThan(1);
        expect(sort.Plans![0]!["Actual Rows"]).toBeLessThanOrEqual((LIMIT + 1) * branches);
      }
    },
  );
});
