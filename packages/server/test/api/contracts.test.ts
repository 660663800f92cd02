import { contractDetailSchema, contractSchema } from "@opentrain-ai/contract";
import { sandbox, startTestServer, type TestServer } from "@opentrain-ai/testkit";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contracts } from "../../src/db/schema.js";
import { api, auditLedger, buyCredits } from "./credits-helpers.js";
import {
  advance,
  confirm,
  contractOf,
  employer,
  hired,
  jobWithProposals,
  milestoneAwaitingFunding,
  resetTrainerPool,
  type Employer,
} from "./hiring-helpers.js";
import { eventsOf } from "./proposals-helpers.js";

let t: TestServer;
let e: Employer;
let other: Employer;
/** Hourly ($15/h job; the bid may differ) contract with a funded $300 first milestone. */
let hourly: { contractId: string; jobId: string; rateUsd: number };
let fixed: { contractId: string; jobId: string };
let perLabel: { contractId: string; rateUsd: number };
let spare: { jobId: string; proposalIds: string[] };

const eventsSince = async (before: number) => (await eventsOf(t, e.accountId)).slice(before);
const post = (path: string, body: unknown = {}, token = e.token) => api(t, "POST", path, token, body);

beforeAll(async () => {
  resetTrainerPool();
  t = await startTestServer();
  e = await employer(t);
  other = await employer(t);
  await buyCredits(t, e.token, 5000);
  const h = await jobWithProposals(t, e, 1);
  const hc = await hired(t, e, h.proposalIds[0]!, { name: "Hours 1", amount: 300 });
  hourly = {
    contractId: hc.contractId,
    jobId: h.jobId,
    rateUsd: (await contractOf(t, e.token, hc.contractId)).rateUsd,
  };
  const f = await jobWithProposals(t, e, 1, { paymentType: "FIXED_PRICE", rateAmount: 400 });
  fixed = {
    contractId: (await hired(t, e, f.proposalIds[0]!, { name: "Draft", amount: 100 })).contractId,
    jobId: f.jobId,
  };
  const l = await jobWithProposals(t, e, 1, { paymentType: "PAY_PER_LABEL", rateAmount: 0.05 });
  const lc = await hired(t, e, l.proposalIds[0]!, { name: "Labels", amount: 50 });
  perLabel = { contractId: lc.contractId, rateUsd: (await contractOf(t, e.token, lc.contractId)).rateUsd };
  spare = await jobWithProposals(t, e, 3);
}, 240_000);
afterAll(() => t?.close());

describe("GET /contracts and GET /contracts/{contractId}", () => {
  it("lists the account's contracts newest first with their timelines", async () => {
    const res = await api(t, "GET", "/contracts", e.token);
    expect(res.status).toBe(200);
    const ids = res.body.contracts.map((c: any) => c.id);
    expect(ids.slice(0, 3)).toEqual([perLabel.contractId, fixed.contractId, hourly.contractId]);
    for (const c of res.body.contracts) {
      expect(contractSchema.safeParse(c).success, JSON.stringify(c)).toBe(true);
      expect(c).not.toHaveProperty("budget");
    }
    expect((await api(t, "GET", "/contracts", other.token)).body.contracts).toEqual([]);
  });

  it("filters by jobId (403 another account's job, 404 unknown) and status (400 otherwise)", async () => {
    const byJob = await api(t, "GET", `/contracts?jobId=${fixed.jobId}`, e.token);
    expect(byJob.body.contracts.map((c: any) => c.id)).toEqual([fixed.contractId]);
    expect((await api(t, "GET", `/contracts?jobId=${fixed.jobId}`, other.token)).status).toBe(403);
    expect((await api(t, "GET", "/contracts?jobId=job_noSuchJob0000000000", e.token)).status).toBe(404);
    expect((await api(t, "GET", "/contracts?status=ended", e.token)).body.contracts).toEqual([]);
    expect((await api(t, "GET", "/contracts?status=active", e.token)).body.contracts.length).toBeGreaterThanOrEqual(3);
    const bad = await api(t, "GET", "/contracts?status=paused", e.token);
    expect(bad.status).toBe(400);
  });

  it("reads one contract with the budget snapshot; another account's id is 404", async () => {
    const c = await contractOf(t, e.token, hourly.contractId);
    expect(contractDetailSchema.safeParse(c).success, JSON.stringify(c)).toBe(true);
    const volume = Math.round((300 / hourly.rateUsd) * 100) / 100;
    expect(c.milestones[0].volume).toBe(volume);
    expect(c.budget).toEqual({
      contractId: hourly.contractId,
      paymentType: "PAY_PER_HOUR",
      state: "OK",
      fundedVolume: volume,
      fundedAmountUsd: 300,
      consumed: { seconds: 0, hours: 0, labels: 0, tasks: 0 },
      consumedVolume: 0,
      remainingVolume: volume,
      consumedFraction: 0,
      activeMilestone: { id: c.milestones[0].id, name: "Hours 1", amountUsd: 300, volume, status: "ACTIVE_FUNDED" },
      lastUsageAt: null,
    });
    const fixedDetail = await contractOf(t, e.token, fixed.contractId);
    expect(fixedDetail.budget).toMatchObject({ state: "OK", fundedVolume: 0, consumedFraction: null });
    expect(fixedDetail.milestones[0].volume).toBeNull();
    const foreign = await api(t, "GET", `/contracts/${hourly.contractId}`, other.token);
    expect(foreign.status).toBe(404);
    expect(foreign.body.details).toEqual({ resource: "contracts", contractId: hourly.contractId });
  });
});

describe("POST /contracts/{contractId}/milestones", () => {
  it("fixed price: needs amountUsd, refuses volume; 201 NOT_FUNDED with milestone.status_changed", async () => {
    const path = `/contracts/${fixed.contractId}/milestones`;
    const missing = await post(path, { description: "Second draft" });
    expect(missing.status).toBe(400);
    expect(missing.body.details).toMatchObject({ field: "amountUsd" });
    expect((await post(path, { description: "Second draft", amountUsd: 50, volume: 3 })).body.details).toMatchObject({
      field: "volume",
    });
    expect((await post(path, { description: "Second draft", amountUsd: 50.123 })).body.details).toMatchObject({
      field: "amountUsd",
    });
    const before = (await eventsOf(t, e.accountId)).length;
    const ok = await post(path, {
      description: "Second draft",
      name: "Draft 2",
      amountUsd: 150,
      dueDate: "2026-09-01",
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.milestone).toMatchObject({
      name: "Draft 2",
      description: "Second draft",
      status: "NOT_FUNDED",
      amountUsd: 150,
      volume: null,
      milestoneNumber: 2,
      dueDate: "2026-09-01",
      pendingApproval: false,
      invoiceId: null,
    });
    expect(await eventsSince(before)).toEqual([
      expect.objectContaining({
        type: "milestone.status_changed",
        data: { milestoneId: ok.body.milestone.id, contractId: fixed.contractId, status: "NOT_FUNDED" },
      }),
    ]);
  });

  it("hourly and per-label: need volume; amount = rate × volume; a mismatching amountUsd is 400", async () => {
    const path = `/contracts/${hourly.contractId}/milestones`;
    const noVolume = await post(path, { description: "More hours", amountUsd: 100 });
    expect(noVolume.status).toBe(400);
    expect(noVolume.body.details).toMatchObject({ field: "volume" });
    const computed = await post(path, { description: "More hours", volume: 10 });
    expect(computed.status).toBe(201);
    expect(computed.body.milestone).toMatchObject({ amountUsd: hourly.rateUsd * 10, volume: 10, milestoneNumber: 2 });
    const both = await post(path, { description: "More hours", volume: 2, amountUsd: hourly.rateUsd * 2 });
    expect(both.status).toBe(201);
    const wrong = await post(path, { description: "More hours", volume: 2, amountUsd: hourly.rateUsd * 2 + 1 });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toMatchObject({ field: "amountUsd", expectedAmountUsd: hourly.rateUsd * 2 });

    const labels = `/contracts/${perLabel.contractId}/milestones`;
    const fractional = await post(labels, { description: "Labels", volume: 10.5 });
    expect(fractional.body.details).toMatchObject({ field: "volume" });
    const ok = await post(labels, { description: "Labels", volume: 1000 });
    expect(ok.status).toBe(201);
    expect(ok.body.milestone.amountUsd).toBe(Math.round(perLabel.rateUsd * 1000 * 100) / 100);
  });

  it("400 without a description; 404 for another account's contract; 409 contract_rate_missing", async () => {
    expect((await post(`/contracts/${hourly.contractId}/milestones`, { volume: 2 })).status).toBe(400);
    const foreign = await post(
      `/contracts/${hourly.contractId}/milestones`,
      { description: "x", volume: 1 },
      other.token,
    );
    expect(foreign.status).toBe(404);
    // A contract without a rate (no bid and no job rate) cannot price a volume.
    const { contractId } = await hired(t, e, spare.proposalIds[0]!, { name: "No rate", amount: 20 });
    await t.server.database.db.update(contracts).set({ rateMicros: null }).where(eq(contracts.id, contractId));
    const res = await post(`/contracts/${contractId}/milestones`, { description: "x", volume: 1 });
    expect(res.status).toBe(409);
    expect(res.body.details).toEqual({ reason: "contract_rate_missing", contractId });
  });
});

describe("funding a milestone", () => {
  it("202 pending milestone_fund (same approval on repeat) with a pending invoice; confirm funds it with the 10 % fee", async () => {
    const created = await post(`/contracts/${fixed.contractId}/milestones`, { description: "Third", amountUsd: 80 });
    const milestoneId = created.body.milestone.id;
    const before = (await eventsOf(t, e.accountId)).length;
    const fund = await post(`/milestones/${milestoneId}/fund`);
    expect(fund.status, JSON.stringify(fund.body)).toBe(202);
    expect(fund.body.approval).toMatchObject({
      type: "milestone_fund",
      status: "pending",
      contractId: fixed.contractId,
      milestoneId,
      jobId: fixed.jobId,
      proposalId: null,
    });
    expect((await post(`/milestones/${milestoneId}/fund`)).body.approval.id).toBe(fund.body.approval.id);
    const pendingEvents = await eventsSince(before);
    expect(pendingEvents).toEqual([
      expect.objectContaining({
        type: "payment.pending",
        data: { invoiceId: expect.stringMatching(/^inv_/), milestoneId, contractId: fixed.contractId },
      }),
    ]);
    const invoiceId = pendingEvents[0]!.data.invoiceId;
    const pending = await api(t, "GET", "/payments/pending", e.token);
    expect(pending.body.payments.map((p: any) => p.id)).toContain(invoiceId);

    const credits = (await api(t, "GET", "/credits", e.token)).body.credits;
    const done = await confirm(t, fund.body.approval.id, { paymentSource: "credits" });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.approval.result).toEqual({ invoiceId, paymentIntentId: null });
    const after = (await api(t, "GET", "/credits", e.token)).body.credits;
    expect(after.availableCents).toBe(credits.availableCents - 8000 - 800);
    expect(after.reservedCents).toBe(credits.reservedCents + 8000);
    const c = await contractOf(t, e.token, fixed.contractId);
    expect(c.milestones.find((m: any) => m.id === milestoneId)).toMatchObject({ status: "ACTIVE_FUNDED", invoiceId });
    expect(await eventsSince(before + 1)).toEqual([
      expect.objectContaining({
        type: "milestone.status_changed",
        data: expect.objectContaining({ status: "ACTIVE_FUNDED" }),
      }),
      expect.objectContaining({
        type: "approval.confirmed",
        data: { approvalId: fund.body.approval.id, status: "confirmed" },
      }),
    ]);
    expect((await api(t, "GET", "/payments/pending", e.token)).body.payments.map((p: any) => p.id)).not.toContain(
      invoiceId,
    );
    await auditLedger(t, e.accountId, e.token);

    const again = await post(`/milestones/${milestoneId}/fund`);
    expect(again.status).toBe(409);
    expect(again.body.details).toEqual({ reason: "milestone_not_fundable", milestoneId, status: "ACTIVE_FUNDED" });
  });

  it("a declined funding request voids its pending invoice", async () => {
    const { approvalId } = await milestoneAwaitingFunding(t, e, fixed.contractId, {
      description: "Maybe",
      amountUsd: 10,
    });
    const before = await api(t, "GET", "/payments/pending", e.token);
    expect(before.body.payments.length).toBeGreaterThan(0);
    const declined = await sandbox(t, "POST", `/approvals/${approvalId}/decline`);
    expect(declined.status).toBe(200);
    const after = await api(t, "GET", "/payments/pending", e.token);
    expect(after.body.payments.length).toBe(before.body.payments.length - 1);
  });

  it("409 payment_method_required for an account that cannot pay; 404 for another account's milestone", async () => {
    const c = await contractOf(t, e.token, fixed.contractId);
    const foreign = await post(`/milestones/${c.milestones[0].id}/fund`, {}, other.token);
    expect(foreign.status).toBe(404);
    expect(foreign.body.details).toEqual({ resource: "milestones", milestoneId: c.milestones[0].id });
    const huge = await post(`/contracts/${fixed.contractId}/milestones`, { description: "Huge", amountUsd: 900_000 });
    const res = await post(`/milestones/${huge.body.milestone.id}/fund`);
    expect(res.status).toBe(409);
    expect(res.body.details).toMatchObject({ reason: "payment_method_required", billingUrl: expect.any(String) });
  });
});

describe("releasing a milestone and the simulated trainer", () => {
  it("409 milestone_not_funded for an unfunded milestone", async () => {
    const created = await post(`/contracts/${hourly.contractId}/milestones`, { description: "Later", volume: 1 });
    const res = await post(`/milestones/${created.body.milestone.id}/approve`);
    expect(res.status).toBe(409);
    expect(res.body.details).toEqual({
      reason: "milestone_not_funded",
      milestoneId: created.body.milestone.id,
      status: "NOT_FUNDED",
    });
  });

  it("the trainer delivers funded hourly work on the clock: usage, DEPLETED, payout requested; funding more is OK again", async () => {
    const c = await contractOf(t, e.token, hourly.contractId);
    const first = c.milestones[0];
    const before = (await eventsOf(t, e.accountId)).length;
    await advance(t, "8d");
    const after = await contractOf(t, e.token, hourly.contractId);
    expect(after.milestones[0]).toMatchObject({
      id: first.id,
      status: "ACTIVE_FUNDED",
      pendingApproval: true,
      needsReview: true,
    });
    expect(after.budget).toMatchObject({ state: "DEPLETED", consumedVolume: first.volume, consumedFraction: 1 });
    const mine = (await eventsSince(before)).filter(
      (ev) => ev.resourceId === hourly.contractId || ev.data.contractId === hourly.contractId,
    );
    expect(mine).toEqual([
      expect.objectContaining({
        type: "contract.budget_state_changed",
        data: {
          contractId: hourly.contractId,
          previousState: "OK",
          state: "DEPLETED",
          paymentType: "PAY_PER_HOUR",
          fundedVolume: first.volume,
          consumedVolume: first.volume,
          remainingVolume: 0,
          consumedFraction: 1,
        },
      }),
      expect.objectContaining({
        type: "payment.pending",
        data: { invoiceId: first.invoiceId, milestoneId: first.id, contractId: hourly.contractId },
      }),
    ]);

    // Funding another milestone raises the funded volume: the budget is OK again.
    const more = await milestoneAwaitingFunding(t, e, hourly.contractId, { description: "More", volume: first.volume });
    const mark = (await eventsOf(t, e.accountId)).length;
    expect((await confirm(t, more.approvalId, { paymentSource: "credits" })).status).toBe(200);
    expect(await eventsSince(mark)).toContainEqual(
      expect.objectContaining({
        type: "contract.budget_state_changed",
        data: expect.objectContaining({ previousState: "DEPLETED", state: "OK", consumedFraction: 0.5 }),
      }),
    );
  });

  it("approve: 202, confirm pays the escrow out (PAID) with invoiceId and payoutTransactionId", async () => {
    const c = await contractOf(t, e.token, hourly.contractId);
    const first = c.milestones[0];
    const req = await post(`/milestones/${first.id}/approve`);
    expect(req.status, JSON.stringify(req.body)).toBe(202);
    expect(req.body.approval).toMatchObject({
      type: "milestone_approve",
      milestoneId: first.id,
      contractId: hourly.contractId,
    });
    expect((await post(`/milestones/${first.id}/approve`)).body.approval.id).toBe(req.body.approval.id);
    const credits = (await api(t, "GET", "/credits", e.token)).body.credits;
    const done = await confirm(t, req.body.approval.id);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.approval.result).toEqual({ invoiceId: first.invoiceId, payoutTransactionId: expect.any(String) });
    const after = await contractOf(t, e.token, hourly.contractId);
    expect(after.milestones[0]).toMatchObject({ status: "PAID", pendingApproval: false });
    const now = (await api(t, "GET", "/credits", e.token)).body.credits;
    expect(now.availableCents).toBe(credits.availableCents);
    expect(now.reservedCents).toBe(credits.reservedCents - first.amountUsd * 100);
    await auditLedger(t, e.accountId, e.token);
    const again = await post(`/milestones/${first.id}/approve`);
    expect(again.body.details).toMatchObject({ reason: "milestone_not_funded", status: "PAID" });
  });

  it("the request-payout helper: 404 unknown, 409 unfunded, 200 idempotent with payment.pending once", async () => {
    expect((await sandbox(t, "POST", "/milestones/mst_noSuchMilestone000000/request-payout")).status).toBe(404);
    const c = await contractOf(t, e.token, perLabel.contractId);
    const unfunded = c.milestones.find((m: any) => m.status === "NOT_FUNDED");
    const refused = await sandbox(t, "POST", `/milestones/${unfunded.id}/request-payout`);
    expect(refused.status).toBe(409);
    expect(refused.body.details).toMatchObject({ reason: "milestone_not_funded" });
    const first = c.milestones[0];
    const before = (await eventsOf(t, e.accountId)).length;
    const res = await sandbox(t, "POST", `/milestones/${first.id}/request-payout`);
    // The simulated trainer may have delivered already during the 8-day advance.
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ milestoneId: first.id, pendingApproval: true, status: "ACTIVE_FUNDED" });
    const again = await sandbox(t, "POST", `/milestones/${first.id}/request-payout`);
    expect(again.body.alreadyRequested).toBe(true);
    const payouts = (await eventsSince(before)).filter((ev) => ev.type === "payment.pending");
    expect(payouts.length).toBe(res.body.alreadyRequested ? 0 : 1);
  });
});

describe("ending a contract", () => {
  it("ends at once (200) when nothing is funded: unfunded milestones cancelled; then 409 contract_ended everywhere", async () => {
    const { contractId } = await hired(t, e, spare.proposalIds[1]!, { name: "Short", amount: 40 });
    const c = await contractOf(t, e.token, contractId);
    // Release the only funded milestone first, then add an unfunded one.
    const rel = await post(`/milestones/${c.milestones[0].id}/approve`);
    expect((await confirm(t, rel.body.approval.id)).status).toBe(200);
    const extra = await post(`/contracts/${contractId}/milestones`, { description: "Unfunded", volume: 1 });
    const before = (await eventsOf(t, e.accountId)).length;
    const res = await post(`/contracts/${contractId}/end`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ ok: true, contractId, status: "ended" });
    expect(await eventsSince(before)).toEqual([
      expect.objectContaining({
        type: "milestone.status_changed",
        data: { milestoneId: extra.body.milestone.id, contractId, status: "CANCELLED" },
      }),
    ]);
    const ended = await contractOf(t, e.token, contractId);
    expect(ended).toMatchObject({ status: "ended", endDate: expect.any(String), hasActiveMilestone: false });
    expect(ended.milestones.map((m: any) => m.status)).toEqual(["PAID"]);
    for (const [path, body] of [
      [`/contracts/${contractId}/end`, {}],
      [`/contracts/${contractId}/milestones`, { description: "x", volume: 1 }],
      [`/milestones/${extra.body.milestone.id}/fund`, {}],
      [`/milestones/${c.milestones[0].id}/approve`, {}],
    ] as const) {
      const r = await post(path, body);
      expect(r.status, path).toBe(409);
      expect(r.body.details, path).toMatchObject({ reason: "contract_ended", contractId });
    }
    // The job DM is read-only now.
    const dm = await api(t, "POST", "/messages", e.token, {
      conversationId: c.jobDmConversationId,
      content: "Thanks!",
    });
    expect(dm.status).toBe(409);
    expect(dm.body.details).toMatchObject({ reason: "read_only_conversation" });
  });

  it("with funded escrow: 202 contract_end approval; confirm refunds the escrow to credits and ends the contract", async () => {
    const { contractId } = await hired(t, e, spare.proposalIds[2]!, { name: "Refund me", amount: 60 });
    const c = await contractOf(t, e.token, contractId);
    const req = await post(`/contracts/${contractId}/end`);
    expect(req.status, JSON.stringify(req.body)).toBe(202);
    expect(req.body.approval).toMatchObject({ type: "contract_end", contractId, milestoneId: null, proposalId: null });
    expect((await post(`/contracts/${contractId}/end`)).body.approval.id).toBe(req.body.approval.id);
    expect((await contractOf(t, e.token, contractId)).status).toBe("active");
    const credits = (await api(t, "GET", "/credits", e.token)).body.credits;
    const before = (await eventsOf(t, e.accountId)).length;
    const done = await confirm(t, req.body.approval.id);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.approval.result).toEqual({ contractEnded: true });
    const now = (await api(t, "GET", "/credits", e.token)).body.credits;
    expect(now.availableCents).toBe(credits.availableCents + 6000);
    expect(now.reservedCents).toBe(credits.reservedCents - 6000);
    const ended = await contractOf(t, e.token, contractId);
    expect(ended).toMatchObject({ status: "ended", milestones: [] });
    expect(await eventsSince(before)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: "milestone.status_changed",
          data: { milestoneId: c.milestones[0].id, contractId, status: "REFUNDED" },
        }),
        expect.objectContaining({
          type: "approval.confirmed",
          data: { approvalId: req.body.approval.id, status: "confirmed" },
        }),
      ]),
    );
    await auditLedger(t, e.accountId, e.token);
  });
});

describe("sandbox helpers in production mode", () => {
  it("answer 404 there", async () => {
    const prod = await startTestServer({ mode: "production" });
    try {
      for (const path of ["/approvals/apr_x/confirm", "/approvals/apr_x/decline", "/milestones/mst_x/request-payout"]) {
        const res = await sandbox(prod, "POST", path, {});
        expect(res.status, path).toBe(404);
      }
    } finally {
      await prod.close();
    }
  });
});
