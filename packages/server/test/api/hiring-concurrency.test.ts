import { startTestServer, type TestServer } from "@opentrain-ai/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, auditLedger, buyCredits, allLedgerEntries } from "./credits-helpers.js";
import {
  confirm,
  employer,
  hire,
  hireChargeCents,
  hired,
  jobWithProposals,
  milestoneAwaitingFunding,
  resetTrainerPool,
  type Employer,
} from "./hiring-helpers.js";
import { eventsOf } from "./proposals-helpers.js";

/**
 * Races on the money paths. On PostgreSQL (the "postgres" project) the requests really run in
 * parallel on separate connections; on PGlite they queue on its single connection, which checks
 * the same outcome.
 */
let t: TestServer;

beforeAll(async () => {
  resetTrainerPool();
  t = await startTestServer();
}, 120_000);
afterAll(() => t?.close());

describe("concurrency", () => {
  it("the same hire approval confirmed from 50 parallel requests executes once", async () => {
    const e: Employer = await employer(t);
    await buyCredits(t, e.token, 1000);
    const { jobId, proposalIds } = await jobWithProposals(t, e, 1);
    const req = await hire(t, e.token, proposalIds[0]!, { milestone: { name: "Race", amount: 100 } });
    expect(req.status).toBe(202);
    const approvalId = req.body.approval.id;

    const results = await Promise.all(
      Array.from({ length: 50 }, () => confirm(t, approvalId, { paymentSource: "credits" })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.body.details).toMatchObject({ reason: "approval_not_pending", status: "confirmed" });
    }

    const contracts = await api(t, "GET", `/contracts?jobId=${jobId}`, e.token);
    expect(contracts.body.contracts).toHaveLength(1);
    const entries = await allLedgerEntries(t, e.token);
    expect(entries.filter((x) => x.type === "HOLD")).toHaveLength(1);
    const credits = await api(t, "GET", "/credits", e.token);
    expect(credits.body.credits).toMatchObject({
      availableCents: 100_000 - hireChargeCents(10_000),
      reservedCents: 10_000,
    });
    const events = await eventsOf(t, e.accountId);
    expect(events.filter((x) => x.type === "contract.created")).toHaveLength(1);
    expect(events.filter((x) => x.type === "approval.confirmed")).toHaveLength(1);
    await auditLedger(t, e.accountId, e.token);
  });

  it("20 parallel hire requests with the same terms record one approval", async () => {
    const e: Employer = await employer(t);
    await buyCredits(t, e.token, 100);
    const { proposalIds } = await jobWithProposals(t, e, 1);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => hire(t, e.token, proposalIds[0]!, { milestone: { name: "Same", amount: 10 } })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(202));
    expect(new Set(results.map((r) => r.body.approval.id)).size).toBe(1);
  });

  it("two milestone fundings racing for the last credits: exactly one succeeds and the balances match the ledger", async () => {
    const e: Employer = await employer(t);
    // $100 of credits; the hire of a $50 milestone takes $64.95, leaving $35.05.
    await buyCredits(t, e.token, 100);
    const { proposalIds } = await jobWithProposals(t, e, 1, { paymentType: "FIXED_PRICE", rateAmount: 500 });
    const { contractId } = await hired(t, e, proposalIds[0]!, { name: "First", amount: 50 });
    const left = 10_000 - hireChargeCents(5_000);
    // Each funding costs $30 + $3 = $33: one fits into $35.05, two do not.
    const a = await milestoneAwaitingFunding(t, e, contractId, { description: "A", amountUsd: 30 });
    const b = await milestoneAwaitingFunding(t, e, contractId, { description: "B", amountUsd: 30 });

    const [ra, rb] = await Promise.all([
      confirm(t, a.approvalId, { paymentSource: "credits" }),
      confirm(t, b.approvalId, { paymentSource: "credits" }),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);
    const loser = ra.status === 409 ? { res: ra, ...a } : { res: rb, ...b };
    expect(loser.res.body.details).toMatchObject({ reason: "payment_method_required", availableCents: left - 3300 });
    const pending = await api(t, "GET", `/approvals/${loser.approvalId}`, e.token);
    expect(pending.body.approval.status).toBe("pending");

    const credits = await api(t, "GET", "/credits", e.token);
    expect(credits.body.credits).toMatchObject({ availableCents: left - 3300, reservedCents: 5_000 + 3_000 });
    const contract = await api(t, "GET", `/contracts/${contractId}`, e.token);
    const statuses = contract.body.contract.milestones.map((m: any) => m.status).sort();
    expect(statuses).toEqual(["ACTIVE_FUNDED", "ACTIVE_FUNDED", "NOT_FUNDED"]);
    expect(contract.body.contract.milestones.find((m: any) => m.id === loser.milestoneId).status).toBe("NOT_FUNDED");
    await auditLedger(t, e.accountId, e.token);

    // Repeating the loser's request returns its live approval although the credits no longer
    // cover it; a new funding request is refused.
    const repeat = await api(t, "POST", `/milestones/${loser.milestoneId}/fund`, e.token, {});
    expect(repeat.status).toBe(202);
    expect(repeat.body.approval.id).toBe(loser.approvalId);
    const c = await api(t, "POST", `/contracts/${contractId}/milestones`, e.token, { description: "C", amountUsd: 30 });
    const refused = await api(t, "POST", `/milestones/${c.body.milestone.id}/fund`, e.token, {});
    expect(refused.status).toBe(409);
    expect(refused.body.details).toMatchObject({ reason: "payment_method_required" });
  });
});
