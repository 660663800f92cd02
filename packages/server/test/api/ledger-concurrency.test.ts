import { claimedAgent, startTestServer, type TestServer } from "@opentrain-ai/testkit";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ledgerEntries } from "../../src/db/schema.js";
import { fundEscrow, refundEscrow, releaseEscrow } from "../../src/services/ledger/index.js";
import {
  allLedgerEntries,
  auditLedger,
  buyCredits,
  createTopUp,
  ctxOf,
  moneyAgent,
  payTopUp,
} from "./credits-helpers.js";

/**
 * Races on the money paths. On PGlite (the default project) requests are serialized by the
 * single connection; the `postgres` project runs this file against a real PostgreSQL server
 * (scripts/test.mjs sets TEST_DATABASE_URL), where the transactions truly overlap and only the
 * row locks keep each effect single.
 */
let t: TestServer;

beforeAll(async () => {
  t = await startTestServer({ env: { OPENTRAIN_SANDBOX_TICK_SECONDS: "0" } });
}, 120_000);
afterAll(() => t?.close());

/** Opens pool connections up front, so racing transactions start together instead of one waiting to connect. */
async function warmPool(t: TestServer, n: number): Promise<void> {
  const db = t.server.database.db;
  await Promise.all(
    Array.from({ length: n }, () => db.transaction(async (tx) => void (await tx.execute(sql`SELECT pg_sleep(0.05)`)))),
  );
}

const settle = <T>(p: Promise<T>) =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: { status?: number; details?: { reason?: string } }) => ({ ok: false as const, error }),
  );

describe("concurrency", () => {
  it("the same top-up paid by many requests at once is credited exactly once", async () => {
    const agent = await claimedAgent(t);
    const token = await moneyAgent(t, agent);
    const topUpId = await createTopUp(t, token, 75);
    await warmPool(t, 8);
    const results = await Promise.all(Array.from({ length: 8 }, () => payTopUp(t, topUpId)));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(results.filter((r) => r.body.alreadyPaid === false)).toHaveLength(1);
    const completedAt = new Set(results.map((r) => r.body.topUp.completedAt));
    expect(completedAt.size).toBe(1);
    const topUps = await t.server.database.db.select().from(ledgerEntries).where(eq(ledgerEntries.topUpId, topUpId));
    expect(topUps).toHaveLength(1);
    expect((await allLedgerEntries(t, token)).map((e) => e.type)).toEqual(["TOP_UP"]);
    const books = await auditLedger(t, agent.accountId, token);
    expect(books.customer_available).toBe(7_500);
  });

  it("fundings racing for the last credits: exactly one succeeds, the others get payment_method_required", async () => {
    const agent = await claimedAgent(t);
    const token = await moneyAgent(t, agent);
    await buyCredits(t, token, 100);
    const ctx = ctxOf(t);
    await warmPool(t, 8);
    // Each needs $66 (60 + 10 % fee) of the $100 available.
    const fund = (n: number) =>
      settle(
        fundEscrow(ctx, {
          accountId: agent.accountId,
          source: "credits",
          escrowCents: 6_000,
          feeCents: 600,
          contractId: `ctr_race_${n}`,
          milestoneId: `mil_race_${agent.accountId}_${n}`,
        }),
      );
    const results = await Promise.all(Array.from({ length: 6 }, (_, n) => fund(n)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const lost of results.filter((r) => !r.ok)) {
      expect(lost).toMatchObject({ error: { status: 409, details: { reason: "payment_method_required" } } });
    }
    const books = await auditLedger(t, agent.accountId, token);
    expect(books).toMatchObject({ customer_available: 3_400, customer_reserved: 6_000, platform_revenue: 600 });
    expect((await allLedgerEntries(t, token)).map((e) => e.type)).toEqual(["CAPTURE", "HOLD", "TOP_UP"]);
  });

  it("the same milestone funded twice at once is funded once", async () => {
    const agent = await claimedAgent(t);
    const token = await moneyAgent(t, agent);
    await buyCredits(t, token, 500);
    const ctx = ctxOf(t);
    const input = {
      accountId: agent.accountId,
      source: "credits" as const,
      escrowCents: 10_000,
      feeCents: 1_995,
      contractId: "ctr_same",
      milestoneId: `mil_same_${agent.accountId}`,
    };
    await warmPool(t, 4);
    const results = await Promise.all([settle(fundEscrow(ctx, input)), settle(fundEscrow(ctx, input))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({
      error: { status: 409, details: { reason: "milestone_not_fundable" } },
    });
    const books = await auditLedger(t, agent.accountId, token);
    expect(books.customer_reserved).toBe(10_000);
  });

  it("a release and a refund of the same escrow racing: exactly one settles it", async () => {
    const agent = await claimedAgent(t);
    const token = await moneyAgent(t, agent);
    await buyCredits(t, token, 200);
    const ctx = ctxOf(t);
    const ids = { accountId: agent.accountId, contractId: "ctr_settle", milestoneId: `mil_settle_${agent.accountId}` };
    await fundEscrow(ctx, { ...ids, source: "credits", escrowCents: 15_000, feeCents: 1_500 });
    await warmPool(t, 4);
    const results = await Promise.all([
      settle(releaseEscrow(ctx, ids)),
      settle(refundEscrow(ctx, ids)),
      settle(releaseEscrow(ctx, ids)),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) {
      expect(r).toMatchObject({ error: { status: 409, details: { reason: "milestone_not_funded" } } });
    }
    const books = await auditLedger(t, agent.accountId, token);
    expect(books.customer_reserved).toBe(0);
    expect(books.customer_available + books.trainer_payable).toBe(20_000 - 1_500);
  });
});
