import { operations } from "@opentrain-ai/contract";
import {
  claimedAgent,
  http,
  sandbox,
  startTestServer,
  type ClaimedAgent,
  type TestServer,
} from "@opentrain-ai/testkit";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditTopUps, invoices, ledgerMovements } from "../../src/db/schema.js";
import { adjustCredits } from "../../src/services/credits/adjust-credits.js";
import { createHumanAccount } from "../../src/services/accounts/create-human-account.js";
import { withTransaction } from "../../src/services/context.js";
import {
  fundEscrow,
  fundingOptions,
  hireFees,
  milestoneFundingFees,
  openFundingInvoice,
  refundEscrow,
  releaseEscrow,
  voidFundingInvoice,
} from "../../src/services/ledger/index.js";
import { mintTokenAsHuman } from "../../src/services/tokens/mint-as-human.js";
import { findOrCreateHuman } from "../../src/services/users/find-or-create-human.js";
import {
  allLedgerEntries,
  api,
  auditLedger,
  buyCredits,
  createTopUp,
  ctxOf,
  moneyAgent,
  payTopUp,
} from "./credits-helpers.js";
import { draftJob, broadJob } from "./proposals-helpers.js";

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer({ env: { OPENTRAIN_SANDBOX_TICK_SECONDS: "0" } });
}, 120_000);
afterAll(() => t?.close());

/** A claimed agent with a payments:write token. */
async function employer(): Promise<{ agent: ClaimedAgent; token: string }> {
  const agent = await claimedAgent(t);
  return { agent, token: await moneyAgent(t, agent) };
}

const ids = (n: number) => ({ contractId: `ctr_test_${n}`, milestoneId: `mil_test_${n}` });
let nextId = 0;
const freshIds = () => ids(++nextId);

describe("fees", () => {
  it("hire: milestone + 10 % marketplace fee (half-up to the cent) + $9.95 contract fee", () => {
    expect(hireFees(20_000)).toEqual({ marketplaceFeeCents: 2_000, contractFeeCents: 995, totalCents: 2_995 });
    expect(hireFees(5).marketplaceFeeCents).toBe(1); // 0.5 ¢ rounds up
    expect(hireFees(4).marketplaceFeeCents).toBe(0);
    expect(hireFees(15).marketplaceFeeCents).toBe(2); // 1.5 ¢ rounds up
    expect(hireFees(33_333).marketplaceFeeCents).toBe(3_333);
    expect(milestoneFundingFees(45_000)).toEqual({ marketplaceFeeCents: 4_500, totalCents: 4_500 });
    expect(() => hireFees(-1)).toThrow(RangeError);
    expect(() => hireFees(1.5)).toThrow(RangeError);
  });
});

describe("GET /credits", () => {
  it("answers zeros for an account that never used credits", async () => {
    const { token } = await employer();
    const res = await api(t, "GET", "/credits", token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      credits: { availableCents: 0, reservedCents: 0, currency: "usd", recentEntries: [] },
    });
    const ledger = await api(t, "GET", "/credits/ledger", token);
    expect(ledger.body).toEqual({ entries: [], nextCursor: null });
  });

  it("a team member's token reads the organization owner's credit account", async () => {
    const { agent, token } = await employer();
    await buyCredits(t, token, 25);
    const member = await claimedAgent(t);
    const invited = await api(t, "POST", "/team/invites", agent.token, { email: member.email });
    expect(invited.body.status).toBe("member_added");
    const memberToken = await mintTokenAsHuman(ctxOf(t), {
      accountId: agent.accountId,
      userId: member.userId,
      scopes: ["payments:read"],
    });
    const res = await api(t, "GET", "/credits", memberToken.token);
    expect(res.status).toBe(200);
    expect(res.body.credits.availableCents).toBe(2_500);
    expect(res.body.credits.recentEntries).toHaveLength(1);
    // The member's own workspace is a different account with its own (empty) credits.
    const own = await api(t, "GET", "/credits", await moneyAgent(t, member));
    expect(own.body.credits.availableCents).toBe(0);
  });
});

describe("POST /credits/top-ups", () => {
  it("creates a PENDING top-up with a checkout URL valid 24 h; nothing is charged", async () => {
    const { token } = await employer();
    const res = await api(t, "POST", "/credits/top-ups", token, { amountUsd: 250 });
    expect(res.status).toBe(201);
    expect(operations.creditsCreateTopUp.output.safeParse(res.body).success).toBe(true);
    const { topUp } = res.body;
    expect(topUp).toMatchObject({ id: res.body.topUpId, status: "PENDING", amountCents: 25_000, completedAt: null });
    expect(res.body.checkoutUrl).toBe(`${t.baseUrl}/checkout/${res.body.topUpId}`);
    expect(Date.parse(res.body.expiresAt) - Date.parse(topUp.createdAt)).toBe(24 * 3600 * 1000);
    expect(topUp.expiresAt).toBe(res.body.expiresAt);
    expect(res.body.message).toContain("checkoutUrl");
    const credits = await api(t, "GET", "/credits", token);
    expect(credits.body.credits.availableCents).toBe(0);
  });

  it("accepts amount as an alias and the $10 and $10,000 bounds; cents are kept exactly", async () => {
    const { token } = await employer();
    const alias = await api(t, "POST", "/credits/top-ups", token, { amount: 19.99 });
    expect(alias.status).toBe(201);
    expect(alias.body.topUp.amountCents).toBe(1_999);
    for (const [amountUsd, cents] of [
      [10, 1_000],
      [10_000, 1_000_000],
      [0.1 + 0.2 + 10, 1_030],
    ] as const) {
      const res = await api(t, "POST", "/credits/top-ups", token, { amountUsd });
      expect(res.status).toBe(201);
      expect(res.body.topUp.amountCents).toBe(cents);
    }
  });

  it.each([
    ["below the minimum", { amountUsd: 9.99 }],
    ["above the maximum", { amountUsd: 10_000.01 }],
    ["missing", {}],
    ["not a number", { amountUsd: "lots" }],
    ["fractions of a cent", { amountUsd: 10.005 }],
  ])("400 with details.field amountUsd: %s", async (_name, body) => {
    const { token } = await employer();
    const res = await api(t, "POST", "/credits/top-ups", token, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("BAD_REQUEST");
    expect(res.body.details.field).toBe("amountUsd");
  });

  it("each call creates a new top-up", async () => {
    const { token } = await employer();
    const a = await createTopUp(t, token, 50);
    const b = await createTopUp(t, token, 50);
    expect(a).not.toBe(b);
  });
});

describe("paying a top-up (sandbox helper) and GET /credits/top-ups/{topUpId}", () => {
  it("a declined card answers 402 and leaves it PENDING; a good card completes it once", async () => {
    const { agent, token } = await employer();
    const topUpId = await createTopUp(t, token, 120);

    const declined = await payTopUp(t, topUpId, "4000 0000 0000 0002");
    expect(declined.status).toBe(402);
    expect(declined.body.code).toBe("PAYMENT_DECLINED");
    expect(declined.body.error).toContain("still pending");
    let read = await api(t, "GET", `/credits/top-ups/${topUpId}`, token);
    expect(read.body.topUp.status).toBe("PENDING");
    expect((await api(t, "GET", "/credits", token)).body.credits.availableCents).toBe(0);

    const paid = await payTopUp(t, topUpId, "4242 4242 4242 4242");
    expect(paid.status).toBe(200);
    expect(paid.body.topUp).toMatchObject({ id: topUpId, status: "COMPLETED", amountCents: 12_000 });
    expect(paid.body.alreadyPaid).toBe(false);
    read = await api(t, "GET", `/credits/top-ups/${topUpId}`, token);
    expect(operations.creditsGetTopUp.output.safeParse(read.body).success).toBe(true);
    expect(read.body.topUp.status).toBe("COMPLETED");
    expect(read.body.topUp.completedAt).toBe(paid.body.topUp.completedAt);

    // Paying again credits nothing more.
    const again = await payTopUp(t, topUpId);
    expect(again.status).toBe(200);
    expect(again.body.alreadyPaid).toBe(true);
    expect(again.body.topUp.completedAt).toBe(paid.body.topUp.completedAt);

    const credits = await api(t, "GET", "/credits", token);
    expect(credits.body.credits.availableCents).toBe(12_000);
    expect(credits.body.credits.recentEntries).toEqual([
      {
        id: expect.any(String),
        type: "TOP_UP",
        amountCents: 12_000,
        createdAt: paid.body.topUp.completedAt,
        holdEntryId: null,
        jobofferId: null,
        contractId: null,
        milestoneId: null,
        topUpId,
        note: "Credit top-up $120.00",
      },
    ]);
    await auditLedger(t, agent.accountId, token);
  });

  it("expires 24 h after creation on the virtual clock: reads as EXPIRED and can no longer be paid", async () => {
    const { token } = await employer();
    const stale = await createTopUp(t, token, 40);
    const paidInTime = await createTopUp(t, token, 40);
    expect((await payTopUp(t, paidInTime)).status).toBe(200);
    const adv = await sandbox(t, "POST", "/clock/advance", { duration: "24h" });
    expect(adv.status).toBe(200);

    const read = await api(t, "GET", `/credits/top-ups/${stale}`, token);
    expect(read.body.topUp.status).toBe("EXPIRED");
    const [row] = await t.server.database.db.select().from(creditTopUps).where(eq(creditTopUps.id, stale));
    expect(row!.status).toBe("EXPIRED"); // written on read

    const late = await payTopUp(t, stale);
    expect(late.status).toBe(409);
    expect(late.body.details).toMatchObject({ topUpId: stale, status: "EXPIRED" });
    expect((await api(t, "GET", `/credits/top-ups/${paidInTime}`, token)).body.topUp.status).toBe("COMPLETED");
    expect((await api(t, "GET", "/credits", token)).body.credits.availableCents).toBe(4_000);
  });

  it("an unpaid top-up past expiry reads EXPIRED even before anything wrote it", async () => {
    const { token } = await employer();
    const topUpId = await createTopUp(t, token, 10);
    await sandbox(t, "POST", "/clock/advance", { duration: "25h" });
    const late = await payTopUp(t, topUpId);
    expect(late.status).toBe(409);
    expect((await api(t, "GET", `/credits/top-ups/${topUpId}`, token)).body.topUp.status).toBe("EXPIRED");
  });

  it("another account's or an unknown top-up is a 404 naming the resource", async () => {
    const { token } = await employer();
    const other = await employer();
    const topUpId = await createTopUp(t, token, 10);
    for (const id of [topUpId, "tu_doesNotExist00000000"]) {
      const res = await api(t, "GET", `/credits/top-ups/${id}`, other.token);
      expect(res.status).toBe(404);
      expect(res.body.details).toEqual({ resource: "credit-top-ups", topUpId: id });
    }
    expect((await payTopUp(t, "tu_doesNotExist00000000")).status).toBe(404);
  });

  it("refuses card numbers that are not sandbox test cards", async () => {
    const { token } = await employer();
    const topUpId = await createTopUp(t, token, 10);
    const res = await payTopUp(t, topUpId, "5555 5555 5555 4444");
    expect(res.status).toBe(400);
    expect(res.body.error).toContain("4242 4242 4242 4242");
    expect((await payTopUp(t, topUpId, "12")).status).toBe(400);
  });
});

describe("GET /credits/ledger", () => {
  it("shows an ADJUSTMENT (staff correction) with its note; one that would go negative is refused", async () => {
    const { agent, token } = await employer();
    await buyCredits(t, token, 10);
    const granted = await adjustCredits(ctxOf(t), {
      accountId: agent.accountId,
      amountCents: 250,
      note: "Goodwill credit",
    });
    await expect(
      adjustCredits(ctxOf(t), { accountId: agent.accountId, amountCents: -2_000, note: "Too much" }),
    ).rejects.toMatchObject({ status: 409 });
    const [entry] = await allLedgerEntries(t, token);
    expect(entry).toMatchObject({ id: granted.entryId, type: "ADJUSTMENT", amountCents: 250, note: "Goodwill credit" });
    const books = await auditLedger(t, agent.accountId, token);
    expect(books).toMatchObject({ customer_available: 1_250, platform_revenue: -250 });
  });

  it("pages newest first with nextCursor; limit and cursor are validated", async () => {
    const { token } = await employer();
    const topUps = [await buyCredits(t, token, 10), await buyCredits(t, token, 20), await buyCredits(t, token, 30)];
    const first = await api(t, "GET", "/credits/ledger?limit=2", token);
    expect(first.status).toBe(200);
    expect(operations.creditsLedger.output.safeParse(first.body).success).toBe(true);
    expect(first.body.entries.map((e: any) => e.topUpId)).toEqual([topUps[2], topUps[1]]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await api(t, "GET", `/credits/ledger?limit=2&cursor=${first.body.nextCursor}`, token);
    expect(second.body.entries.map((e: any) => e.topUpId)).toEqual([topUps[0]]);
    expect(second.body.nextCursor).toBeNull();

    for (const limit of ["0", "101", "abc"]) {
      const res = await api(t, "GET", `/credits/ledger?limit=${limit}`, token);
      expect(res.status).toBe(400);
      expect(res.body.details.field).toBe("limit");
    }
    const bad = await api(t, "GET", "/credits/ledger?cursor=nonsense", token);
    expect(bad.status).toBe(400);
    expect(bad.body.details.field).toBe("cursor");
  });
});

describe("ledger API: funding, releasing and refunding escrow", () => {
  it("credits: HOLD of milestone + fees, CAPTURE of the fees, CAPTURE on release; all linked", async () => {
    const { agent, token } = await employer();
    await buyCredits(t, token, 300);
    const ctx = ctxOf(t);
    const { contractId, milestoneId } = freshIds();
    const fees = hireFees(20_000);
    const funded = await withTransaction(ctx, (tx) =>
      fundEscrow(tx, {
        accountId: agent.accountId,
        source: "credits",
        escrowCents: 20_000,
        feeCents: fees.totalCents,
        proposalId: "prp_linked",
        contractId,
        milestoneId,
      }),
    );
    expect(funded.paymentIntentId).toBeNull();
    expect(funded.holdEntryId).toEqual(expect.any(String));
    let credits = (await api(t, "GET", "/credits", token)).body.credits;
    expect(credits.availableCents).toBe(30_000 - 22_995); // $200 milestone → $229.95 total
    expect(credits.reservedCents).toBe(20_000);
    const [capture, hold] = credits.recentEntries;
    expect(hold).toMatchObject({
      id: funded.holdEntryId,
      type: "HOLD",
      amountCents: -22_995,
      jobofferId: "prp_linked",
      contractId,
      milestoneId,
      holdEntryId: null,
    });
    expect(capture).toMatchObject({
      type: "CAPTURE",
      amountCents: -2_995,
      holdEntryId: funded.holdEntryId,
      jobofferId: "prp_linked",
      contractId,
      milestoneId,
    });
    const books = await auditLedger(t, agent.accountId, token);
    expect(books.platform_revenue).toBe(2_995);

    const released = await releaseEscrow(ctx, { accountId: agent.accountId, contractId, milestoneId });
    expect(released.invoiceId).toBe(funded.invoiceId);
    expect(released.payoutTransactionId).toMatch(/^po_/);
    credits = (await api(t, "GET", "/credits", token)).body.credits;
    expect(credits.reservedCents).toBe(0);
    expect(credits.availableCents).toBe(7_005);
    expect(credits.recentEntries[0]).toMatchObject({
      type: "CAPTURE",
      amountCents: -20_000,
      holdEntryId: funded.holdEntryId,
      milestoneId,
    });
    const [invoice] = await t.server.database.db.select().from(invoices).where(eq(invoices.id, funded.invoiceId));
    expect(invoice).toMatchObject({ status: "RELEASED", source: "credits", escrowCents: 20_000, feeCents: 2_995 });
    expect((await auditLedger(t, agent.accountId, token)).trainer_payable).toBe(20_000);

    // Nothing is held any more: a second release or a refund changes nothing.
    for (const again of [releaseEscrow, refundEscrow]) {
      await expect(again(ctx, { accountId: agent.accountId, contractId, milestoneId })).rejects.toMatchObject({
        status: 409,
        details: { reason: "milestone_not_funded", milestoneId },
      });
    }
  });

  it("credits: refund returns the held escrow with HOLD_RELEASE; captured fees stay revenue", async () => {
    const { agent, token } = await employer();
    await buyCredits(t, token, 100);
    const ctx = ctxOf(t);
    const m = freshIds();
    const fees = milestoneFundingFees(5_000).totalCents;
    const funded = await fundEscrow(ctx, {
      accountId: agent.accountId,
      source: "credits",
      escrowCents: 5_000,
      feeCents: fees,
      ...m,
    });
    const refund = await refundEscrow(ctx, { accountId: agent.accountId, ...m });
    const credits = (await api(t, "GET", "/credits", token)).body.credits;
    expect(credits.recentEntries[0]).toMatchObject({
      id: refund.entryId,
      type: "HOLD_RELEASE",
      amountCents: 5_000,
      holdEntryId: funded.holdEntryId,
      contractId: m.contractId,
      milestoneId: m.milestoneId,
    });
    expect(credits.availableCents).toBe(10_000 - fees);
    expect(credits.reservedCents).toBe(0);
    const books = await auditLedger(t, agent.accountId, token);
    expect(books.platform_revenue).toBe(fees);
  });

  it("credits that cannot cover milestone + fees: 409 payment_method_required with billingUrl; nothing written", async () => {
    const { agent, token } = await employer();
    await buyCredits(t, token, 100);
    const before = await allLedgerEntries(t, token);
    const m = freshIds();
    const err = await fundEscrow(ctxOf(t), {
      accountId: agent.accountId,
      source: "credits",
      escrowCents: 9_500,
      feeCents: 950 + 995,
      ...m,
    }).catch((e) => e);
    expect(err).toMatchObject({
      status: 409,
      details: {
        reason: "payment_method_required",
        billingUrl: `${t.baseUrl}/billing?account=${agent.accountId}`,
        availableCents: 10_000,
        requiredCents: 11_445,
      },
    });
    expect(await allLedgerEntries(t, token)).toEqual(before);
    const written = await t.server.database.db.select().from(invoices).where(eq(invoices.milestoneId, m.milestoneId));
    expect(written).toEqual([]);
  });

  it("card: needs a saved card (409 + billingUrl); charges it without touching credits; refund becomes credits", async () => {
    const { agent, token } = await employer();
    const ctx = ctxOf(t);
    const m = freshIds();
    expect(await fundingOptions(ctx, agent.accountId)).toEqual({ availableCents: 0, hasPaymentMethod: false });
    const noCard = await fundEscrow(ctx, {
      accountId: agent.accountId,
      source: "card",
      escrowCents: 10_000,
      feeCents: 1_000,
      ...m,
    }).catch((e) => e);
    expect(noCard).toMatchObject({
      status: 409,
      details: { reason: "payment_method_required", billingUrl: expect.stringContaining("/billing?account=") },
    });

    const added = await sandbox(t, "POST", `/accounts/${agent.accountId}/payment-methods`, {
      card: "4242424242424242",
    });
    expect(added.status).toBe(201);
    expect(added.body.paymentMethod).toMatchObject({ type: "card", brand: "visa", last4: "4242" });
    expect(await fundingOptions(ctx, agent.accountId)).toEqual({ availableCents: 0, hasPaymentMethod: true });

    const funded = await fundEscrow(ctx, {
      accountId: agent.accountId,
      source: "card",
      escrowCents: 10_000,
      feeCents: 1_000,
      ...m,
    });
    expect(funded.paymentIntentId).toMatch(/^pi_sbx_/);
    expect(funded.holdEntryId).toBeNull();
    let credits = (await api(t, "GET", "/credits", token)).body.credits;
    expect(credits).toMatchObject({ availableCents: 0, reservedCents: 0, recentEntries: [] });
    let books = await auditLedger(t, agent.accountId, token);
    expect(books).toMatchObject({ card_clearing: -11_000, escrow: 10_000, platform_revenue: 1_000 });

    const again = await fundEscrow(ctx, {
      accountId: agent.accountId,
      source: "card",
      escrowCents: 10_000,
      feeCents: 1_000,
      ...m,
    }).catch((e) => e);
    expect(again).toMatchObject({ status: 409, details: { reason: "milestone_not_fundable" } });

    const refund = await refundEscrow(ctx, { accountId: agent.accountId, ...m });
    credits = (await api(t, "GET", "/credits", token)).body.credits;
    expect(credits.availableCents).toBe(10_000);
    expect(credits.recentEntries).toEqual([
      expect.objectContaining({
        id: refund.entryId,
        type: "REFUND",
        amountCents: 10_000,
        milestoneId: m.milestoneId,
        holdEntryId: null,
      }),
    ]);
    books = await auditLedger(t, agent.accountId, token);
    expect(books.escrow).toBe(0);

    // A second card-funded milestone released to the trainer.
    const m2 = freshIds();
    await fundEscrow(ctx, { accountId: agent.accountId, source: "card", escrowCents: 3_000, feeCents: 300, ...m2 });
    const released = await releaseEscrow(ctx, { accountId: agent.accountId, ...m2 });
    expect(released.payoutTransactionId).toMatch(/^po_/);
    books = await auditLedger(t, agent.accountId, token);
    expect(books).toMatchObject({ escrow: 0, trainer_payable: 3_000, platform_revenue: 1_300, card_clearing: -14_300 });
  });

  it("card declined at charge time: 402 PAYMENT_DECLINED and nothing is written", async () => {
    const { agent, token } = await employer();
    const added = await sandbox(t, "POST", `/accounts/${agent.accountId}/payment-methods`, {
      card: "4000000000000341",
    });
    expect(added.status).toBe(201);
    const m = freshIds();
    const err = await fundEscrow(ctxOf(t), {
      accountId: agent.accountId,
      source: "card",
      escrowCents: 10_000,
      feeCents: 1_995,
      ...m,
    }).catch((e) => e);
    expect(err).toMatchObject({ status: 402, code: "PAYMENT_DECLINED", details: { declineCode: "card_declined" } });
    const db = t.server.database.db;
    expect(await db.select().from(invoices).where(eq(invoices.milestoneId, m.milestoneId))).toEqual([]);
    expect(await db.select().from(ledgerMovements).where(eq(ledgerMovements.accountId, agent.accountId))).toEqual([]);
    await auditLedger(t, agent.accountId, token);
  });
});

describe("sandbox helper: add a payment method", () => {
  it("saves the good card (201), refuses the declined one (402) and other numbers (400)", async () => {
    const { agent } = await employer();
    const ok = await sandbox(t, "POST", `/accounts/${agent.accountId}/payment-methods`, {});
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      accountId: agent.accountId,
      paymentMethod: { id: expect.stringMatching(/^pm_/), last4: "4242" },
    });
    expect(JSON.stringify(ok.body)).not.toContain("4242424242424242");
    const declined = await sandbox(t, "POST", `/accounts/${agent.accountId}/payment-methods`, {
      card: "4000 0000 0000 0002",
    });
    expect(declined.status).toBe(402);
    expect(declined.body.code).toBe("PAYMENT_DECLINED");
    const bad = await sandbox(t, "POST", `/accounts/${agent.accountId}/payment-methods`, { card: "4111111111111111" });
    expect(bad.status).toBe(400);
    const unknown = await sandbox(t, "POST", "/accounts/acc_doesNotExist000000000/payment-methods", {});
    expect(unknown.status).toBe(404);
  });
});

describe("GET /payments/pending", () => {
  it("lists funding invoices still owed, newest first, until they are paid or voided", async () => {
    const { agent, token } = await employer();
    const empty = await api(t, "GET", "/payments/pending", token);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ payments: [] });

    const jobId = await draftJob(t, agent.token, broadJob({ title: "Pending payment job" }));
    const ctx = ctxOf(t);
    const a = freshIds();
    const b = freshIds();
    const first = await openFundingInvoice(ctx, {
      accountId: agent.accountId,
      jobId,
      ...a,
      milestoneName: "Batch 1",
      escrowCents: 20_000,
      feeCents: 2_000,
    });
    await sandbox(t, "POST", "/clock/advance", { duration: "1m" });
    const second = await openFundingInvoice(ctx, {
      accountId: agent.accountId,
      jobId,
      ...b,
      milestoneName: null,
      escrowCents: 5_000,
      feeCents: 500,
    });
    // Opening again for the same milestone returns the same invoice.
    expect(
      (
        await openFundingInvoice(ctx, {
          accountId: agent.accountId,
          jobId,
          ...a,
          milestoneName: "Batch 1",
          escrowCents: 20_000,
          feeCents: 2_000,
        })
      ).invoiceId,
    ).toBe(first.invoiceId);

    const res = await api(t, "GET", "/payments/pending", token);
    expect(operations.paymentsPending.output.safeParse(res.body).success).toBe(true);
    expect(res.body.payments).toEqual([
      {
        id: second.invoiceId,
        status: "PENDING_FUNDING",
        invoiceKind: "FUNDING",
        viewerRole: "EMPLOYER",
        amountUsd: 55,
        createdAt: expect.any(String),
        invoiceNumber: second.invoiceNumber,
        job: { id: jobId, title: "Pending payment job" },
        milestone: { id: b.milestoneId, name: null },
      },
      expect.objectContaining({
        id: first.invoiceId,
        amountUsd: 220,
        milestone: { id: a.milestoneId, name: "Batch 1" },
      }),
    ]);
    expect(first.invoiceNumber).toMatch(/^INV-\d{6,}$/);

    // Paying the first through fundEscrow uses the same invoice; voiding the second closes it.
    await buyCredits(t, token, 300);
    const funded = await fundEscrow(ctx, {
      accountId: agent.accountId,
      source: "credits",
      escrowCents: 20_000,
      feeCents: 2_000,
      ...a,
    });
    expect(funded.invoiceId).toBe(first.invoiceId);
    await voidFundingInvoice(ctx, { milestoneId: b.milestoneId });
    expect((await api(t, "GET", "/payments/pending", token)).body).toEqual({ payments: [] });
    // Another account sees none of it.
    const other = await employer();
    expect((await api(t, "GET", "/payments/pending", other.token)).body).toEqual({ payments: [] });
    await auditLedger(t, agent.accountId, token);
  });
});

describe("production mode", () => {
  it("without a payment provider, top-ups answer 503 saying so; the sandbox helpers and checkout page do not exist", async () => {
    const prod = await startTestServer({ mode: "production" });
    try {
      const ctx = ctxOf(prod);
      const user = await findOrCreateHuman(ctx, `prod-${Date.now()}@example.org`);
      const accountId = await createHumanAccount(ctx, user);
      const { token } = await mintTokenAsHuman(ctx, { accountId, scopes: ["payments:read", "payments:write"] });
      const res = await http(prod.baseUrl, "POST", "/api/public/v1/credits/top-ups", {
        token,
        json: { amountUsd: 50 },
      });
      expect(res.status).toBe(503);
      expect(res.body.code).toBe("SERVICE_UNAVAILABLE");
      expect(res.body.details.reason).toBe("payment_provider_not_configured");
      expect(res.body.error).toContain("no payment provider is configured");
      const credits = await http(prod.baseUrl, "GET", "/api/public/v1/credits", { token });
      expect(credits.status).toBe(200);
      expect((await sandbox(prod, "POST", "/top-ups/tu_x/complete", {})).status).toBe(404);
      expect((await sandbox(prod, "POST", `/accounts/${accountId}/payment-methods`, {})).status).toBe(404);
      expect((await http(prod.baseUrl, "GET", "/checkout/tu_x")).status).toBe(404);
      const err = await fundEscrow(ctx, {
        accountId,
        source: "credits",
        escrowCents: 100,
        feeCents: 0,
        contractId: "c",
        milestoneId: "m",
      }).catch((e) => e);
      expect(err).toMatchObject({ status: 409, details: { reason: "payment_method_required" } });
    } finally {
      await prod.close();
    }
  });
});
