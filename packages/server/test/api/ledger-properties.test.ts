import { claimedAgent, sandbox, startTestServer, type TestServer } from "@opentrain-ai/testkit";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  fundEscrow,
  hireFees,
  milestoneFundingFees,
  refundEscrow,
  releaseEscrow,
  type FundingSource,
} from "../../src/services/ledger/index.js";
import { adjustCredits } from "../../src/services/credits/adjust-credits.js";
import { api, auditLedger, createTopUp, ctxOf, moneyAgent, payTopUp } from "./credits-helpers.js";

/**
 * Random sequences of everything that moves money — top-ups paid, declined or left to expire,
 * cards saved, milestones funded from credits or by card (with hire or later-milestone fees),
 * released and refunded — against a simple model of what each step should do. After every
 * step the ledger must balance, agree with the cached and reported balances, never go
 * negative, conserve money, and match the model.
 */
let t: TestServer;

beforeAll(async () => {
  t = await startTestServer({ env: { OPENTRAIN_SANDBOX_TICK_SECONDS: "0" } });
}, 120_000);
afterAll(() => t?.close());

type Action =
  | { kind: "topUp"; amountUsd: number; card: "good" | "declined" }
  | { kind: "expiredTopUp"; amountUsd: number }
  | { kind: "addCard"; card: "good" | "chargeDeclined" }
  | { kind: "fund"; source: FundingSource; escrowCents: number; hire: boolean }
  | { kind: "release"; pick: number }
  | { kind: "refund"; pick: number }
  | { kind: "adjust"; amountCents: number };

const CARDS = {
  good: "4242424242424242",
  declined: "4000000000000002",
  chargeDeclined: "4000000000000341",
} as const;

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("topUp" as const),
      amountUsd: fc.integer({ min: 10, max: 600 }),
      card: fc.constantFrom("good" as const, "declined" as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("expiredTopUp" as const), amountUsd: fc.integer({ min: 10, max: 100 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("addCard" as const),
      card: fc.constantFrom("good" as const, "chargeDeclined" as const),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("fund" as const),
      source: fc.constantFrom<FundingSource>("credits", "card"),
      escrowCents: fc.integer({ min: 1, max: 60_000 }),
      hire: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("release" as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("refund" as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("adjust" as const),
      amountCents: fc.integer({ min: -20_000, max: 20_000 }).filter((n) => n !== 0),
    }),
  },
);

interface Milestone {
  contractId: string;
  milestoneId: string;
  source: FundingSource;
  escrowCents: number;
  held: boolean;
}

interface Model {
  available: number;
  reserved: number;
  escrow: number;
  revenue: number;
  trainer: number;
  paidIn: number;
  card: "good" | "chargeDeclined" | null;
  milestones: Milestone[];
}

let runNo = 0;
/** What the runs exercised, so the property cannot pass by never reaching a branch. */
const seen = new Map<string, number>();
const saw = (what: string) => seen.set(what, (seen.get(what) ?? 0) + 1);

async function runSequence(actions: Action[]): Promise<void> {
  runNo += 1;
  const agent = await claimedAgent(t);
  const token = await moneyAgent(t, agent);
  const accountId = agent.accountId;
  const ctx = ctxOf(t);
  const m: Model = {
    available: 0,
    reserved: 0,
    escrow: 0,
    revenue: 0,
    trainer: 0,
    paidIn: 0,
    card: null,
    milestones: [],
  };

  for (const [i, a] of actions.entries()) {
    const step = `run ${runNo} step ${i}: ${JSON.stringify(a)}`;
    switch (a.kind) {
      case "topUp": {
        const topUpId = await createTopUp(t, token, a.amountUsd);
        const res = await payTopUp(t, topUpId, CARDS[a.card]);
        if (a.card === "good") {
          expect(res.status, step).toBe(200);
          saw("top-up paid");
          m.available += a.amountUsd * 100;
          m.paidIn += a.amountUsd * 100;
        } else {
          expect(res.status, step).toBe(402);
          saw("top-up declined");
          expect((await api(t, "GET", `/credits/top-ups/${topUpId}`, token)).body.topUp.status, step).toBe("PENDING");
        }
        break;
      }
      case "expiredTopUp": {
        const topUpId = await createTopUp(t, token, a.amountUsd);
        const adv = await sandbox(t, "POST", "/clock/advance", { duration: "25h" });
        expect(adv.status, step).toBe(200);
        expect((await payTopUp(t, topUpId)).status, step).toBe(409);
        expect((await api(t, "GET", `/credits/top-ups/${topUpId}`, token)).body.topUp.status, step).toBe("EXPIRED");
        saw("top-up expired");
        break;
      }
      case "addCard": {
        const res = await sandbox(t, "POST", `/accounts/${accountId}/payment-methods`, { card: CARDS[a.card] });
        expect(res.status, step).toBe(201);
        m.card = a.card;
        break;
      }
      case "fund": {
        const fee = a.hire ? hireFees(a.escrowCents).totalCents : milestoneFundingFees(a.escrowCents).totalCents;
        const total = a.escrowCents + fee;
        const ids = { contractId: `ctr_p${runNo}_${i}`, milestoneId: `mil_p${runNo}_${i}` };
        const outcome = await fundEscrow(ctx, {
          accountId,
          source: a.source,
          escrowCents: a.escrowCents,
          feeCents: fee,
          ...ids,
        }).then(
          () => "funded" as const,
          (e: { status?: number; details?: { reason?: string } }) => e,
        );
        if (a.source === "credits") {
          if (m.available >= total) {
            expect(outcome, step).toBe("funded");
            m.available -= total;
            m.reserved += a.escrowCents;
          } else {
            expect(outcome, step).toMatchObject({ status: 409, details: { reason: "payment_method_required" } });
            saw("credits short");
          }
        } else if (m.card === "good") {
          expect(outcome, step).toBe("funded");
          m.paidIn += total;
          m.escrow += a.escrowCents;
        } else if (m.card === "chargeDeclined") {
          expect(outcome, step).toMatchObject({ status: 402 });
          saw("card declined");
        } else {
          expect(outcome, step).toMatchObject({ status: 409, details: { reason: "payment_method_required" } });
        }
        if (outcome === "funded") {
          saw(`fund ${a.source}`);
          m.revenue += fee;
          m.milestones.push({ ...ids, source: a.source, escrowCents: a.escrowCents, held: true });
        }
        break;
      }
      case "adjust": {
        const outcome = await adjustCredits(ctx, { accountId, amountCents: a.amountCents, note: "property test" }).then(
          () => "adjusted" as const,
          (e: { status?: number }) => e,
        );
        if (m.available + a.amountCents >= 0) {
          expect(outcome, step).toBe("adjusted");
          m.available += a.amountCents;
          m.revenue -= a.amountCents;
          saw("adjust");
        } else {
          expect(outcome, step).toMatchObject({ status: 409 });
          saw("adjust refused");
        }
        break;
      }
      case "release":
      case "refund": {
        // Mostly a milestone still held; every fourth pick any milestone (settled ones must refuse).
        const held = m.milestones.filter((x) => x.held);
        const pool = a.pick % 4 === 0 || held.length === 0 ? m.milestones : held;
        const target = pool.length ? pool[Math.floor(a.pick / 4) % pool.length]! : null;
        const ids = target ?? { contractId: "ctr_never", milestoneId: `mil_never_${runNo}_${i}` };
        const settle = a.kind === "release" ? releaseEscrow : refundEscrow;
        const outcome = await settle(ctx, { accountId, contractId: ids.contractId, milestoneId: ids.milestoneId }).then(
          () => "settled" as const,
          (e: { status?: number; details?: { reason?: string } }) => e,
        );
        if (!target?.held) {
          expect(outcome, step).toMatchObject({ status: 409, details: { reason: "milestone_not_funded" } });
          saw(`${a.kind} nothing held`);
          break;
        }
        expect(outcome, step).toBe("settled");
        saw(`${a.kind} ${target.source}`);
        target.held = false;
        if (target.source === "credits") m.reserved -= target.escrowCents;
        else m.escrow -= target.escrowCents;
        if (a.kind === "release") m.trainer += target.escrowCents;
        else m.available += target.escrowCents;
        break;
      }
    }

    const books = await auditLedger(t, accountId, i === actions.length - 1 ? token : undefined);
    expect(books, step).toEqual({
      customer_available: m.available,
      customer_reserved: m.reserved,
      escrow: m.escrow,
      card_clearing: 0 - m.paidIn,
      platform_revenue: m.revenue,
      trainer_payable: m.trainer,
    });
  }
}

/** Every kind of step and outcome at least once, in an order where each can happen. */
const EVERY_BRANCH: Action[] = [
  { kind: "release", pick: 0 }, // nothing funded yet
  { kind: "topUp", amountUsd: 300, card: "declined" },
  { kind: "topUp", amountUsd: 300, card: "good" },
  { kind: "expiredTopUp", amountUsd: 50 },
  { kind: "fund", source: "credits", escrowCents: 20_000, hire: true }, // 229.95
  { kind: "fund", source: "credits", escrowCents: 10_000, hire: false }, // short: 70.05 left
  { kind: "fund", source: "credits", escrowCents: 5_000, hire: false }, // 55.00
  { kind: "fund", source: "card", escrowCents: 7_000, hire: true }, // no card yet
  { kind: "addCard", card: "good" },
  { kind: "fund", source: "card", escrowCents: 7_000, hire: true },
  { kind: "fund", source: "card", escrowCents: 3_001, hire: false },
  { kind: "release", pick: 1 }, // held[0]: credits 200
  { kind: "refund", pick: 1 }, // held[0]: credits 50
  { kind: "release", pick: 1 }, // held[0]: card 70
  { kind: "refund", pick: 1 }, // held[0]: card 30.01
  { kind: "refund", pick: 0 }, // all settled now
  { kind: "addCard", card: "chargeDeclined" },
  { kind: "fund", source: "card", escrowCents: 1_000, hire: false },
  { kind: "adjust", amountCents: 2_500 },
  { kind: "adjust", amountCents: -1_000_000 },
  { kind: "adjust", amountCents: -500 },
];

describe("ledger properties", () => {
  it("after every step of random money sequences the ledger balances, matches the balances and conserves money", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(action, { minLength: 3, maxLength: 16, size: "medium" }),
        (withCard, actions) =>
          // Every run starts with some credits and half of them with a good card, so both
          // funding sources (and their releases and refunds) are reached often.
          runSequence([
            { kind: "topUp", amountUsd: 400, card: "good" },
            ...(withCard ? [{ kind: "addCard", card: "good" } as const] : []),
            ...actions,
          ]),
      ),
      { numRuns: Number(process.env.LEDGER_PROPERTY_RUNS ?? 25), endOnFailure: true },
    );
    // The random runs reached the money moves at all (a broken generator would pass vacuously).
    expect((seen.get("fund credits") ?? 0) + (seen.get("fund card") ?? 0)).toBeGreaterThan(0);
  }, 600_000);

  it("the same checks hold on a fixed sequence that reaches every branch", async () => {
    seen.clear();
    await runSequence(EVERY_BRANCH);
    for (const branch of [
      "top-up paid",
      "top-up declined",
      "top-up expired",
      "fund credits",
      "fund card",
      "credits short",
      "card declined",
      "release credits",
      "refund credits",
      "release card",
      "refund card",
      "release nothing held",
      "refund nothing held",
      "adjust",
      "adjust refused",
    ]) {
      expect(seen.get(branch) ?? 0, `the sequence reached "${branch}"`).toBeGreaterThan(0);
    }
  }, 600_000);
});
