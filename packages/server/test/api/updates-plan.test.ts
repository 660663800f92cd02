import { EVENT_TYPES, type EventType } from "@opentrain-ai/contract";
import { claimedAgent, startTestServer, type TestServer } from "@opentrain-ai/testkit";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../src/db/migrate.js";
import { pageQuery } from "../../src/services/updates/poll-updates.js";

/**
 * The plans of the exact queries GET /updates runs, with EXPLAIN (ANALYZE, BUFFERS), on two
 * accounts whose logs differ tenfold (6,000 and 60,000 events, one message in 200) next to a
 * third account of 20,000 messages that skews the statistics. Every scan is an index range
 * scan bounded by the cursor that stops after the page — no sequential scan, no filtered row,
 * no sort beyond merging the visible types' pages — and the pages a poll touches do not grow
 * with the log. Runs on PGlite and, in the PostgreSQL suite, on PostgreSQL.
 */
let t: TestServer;
const accounts: Record<"small" | "big", { id: string; maxId: bigint }> = {} as never;
const LIMIT = 50;

async function seed(accountId: string, size: number): Promise<bigint> {
  const db = t.server.database.db;
  await db.execute(sql`
    INSERT INTO events (account_id, type, resource_id, job_id, data, created_at)
    SELECT ${accountId},
           CASE WHEN g % 200 = 0 THEN 'message.received'
                ELSE (ARRAY['proposal.received','proposal.status_changed','payment.pending','contract.created'])[1 + g % 4] END,
           'res_' || g, NULL, '{}'::jsonb, now()
    FROM generate_series(1, ${size}::int) AS g`);
  const [row] = rowsOf<{ max: string | number }>(
    await db.execute(sql`SELECT max(id) AS max FROM events WHERE account_id = ${accountId}`),
  );
  return BigInt(row!.max);
}

beforeAll(async () => {
  t = await startTestServer({ env: { OPENTRAIN_SANDBOX_SEED_JOBS: "0" } });
  const [small, big, skew] = [await claimedAgent(t), await claimedAgent(t), await claimedAgent(t)];
  accounts.small = { id: small.accountId, maxId: await seed(small.accountId, 6_000) };
  accounts.big = { id: big.accountId, maxId: await seed(big.accountId, 60_000) };
  await t.server.database.db.execute(sql`
    INSERT INTO events (account_id, type, resource_id, job_id, data, created_at)
    SELECT ${skew.accountId}, 'message.received', 'res_' || g, NULL, '{}'::jsonb, now() FROM generate_series(1, 20000) AS g`);
  await t.server.database.db.execute(sql`ANALYZE events`);
}, 180_000);
afterAll(() => t?.close());

interface PlanNode {
  "Node Type": string;
  "Index Name"?: string;
  "Actual Rows": number;
  "Actual Loops": number;
  "Rows Removed by Filter"?: number;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
}

const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

async function explain(accountId: string, types: readonly EventType[], after: bigint) {
  const res = await t.server.database.db.execute(
    sql`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${pageQuery(accountId, types, after, LIMIT + 1)}`,
  );
  const raw = Object.values(rowsOf<Record<string, unknown>>(res)[0]!)[0];
  const doc = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
  const root = doc[0]!.Plan;
  const all = nodes(root);
  // Scans of the table (a Subquery Scan only reads its child's rows).
  const scans = all.filter((n) => /Scan/.test(n["Node Type"]) && n["Node Type"] !== "Subquery Scan");
  return {
    all,
    scans,
    rowsRead: scans.reduce((sum, n) => sum + n["Actual Rows"] * n["Actual Loops"], 0),
    pages: (root["Shared Hit Blocks"] ?? 0) + (root["Shared Read Blocks"] ?? 0),
  };
}

const MESSAGES_ONLY: EventType[] = ["message.received"];
const PROPOSALS_AND_MESSAGES = EVENT_TYPES.filter((x) => x.startsWith("proposal.") || x === "message.received");

describe("GET /updates query plans", () => {
  it.each([
    ["all types, first page", EVENT_TYPES, () => 0n, "events_account_idx", 1],
    ["all types, tail poll from a saved cursor", EVENT_TYPES, (max: bigint) => max - 10n, "events_account_idx", 1],
    ["all types, mid-log page", EVENT_TYPES, (max: bigint) => max - 3_000n, "events_account_idx", 1],
    ["messages only (1 event in 200), first page", MESSAGES_ONLY, () => 0n, "events_feed_type_idx", 1],
    ["messages only, tail poll", MESSAGES_ONLY, (max: bigint) => max - 100n, "events_feed_type_idx", 1],
    [
      "proposals and messages, mid-log",
      PROPOSALS_AND_MESSAGES,
      (max: bigint) => max - 3_000n,
      "events_feed_type_idx",
      3,
    ],
  ] as const)(
    "%s: bounded index range scans; the pages read do not grow with the log",
    async (_name, types, after, index, branches) => {
      const small = await explain(accounts.small.id, types, after(accounts.small.maxId));
      const big = await explain(accounts.big.id, types, after(accounts.big.maxId));
      for (const plan of [small, big]) {
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
      }
      // Ten times the log, (about) the same pages touched: a scan that walked past hidden or later
      // rows would read ten times more here.
      expect(big.pages, `pages read: ${small.pages} on 6,000 events, ${big.pages} on 60,000`).toBeLessThanOrEqual(
        small.pages * 1.5 + 6,
      );
    },
  );
});
