import { sandbox, startTestServer, type TestServer } from "@opentrain-ai/testkit";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../src/db/migrate.js";
import { allLedgerEntries, api, auditLedger, createTopUp, payTopUp } from "./credits-helpers.js";
import {
  advance,
  confirm,
  decline,
  employer,
  hire,
  hireChargeCents,
  jobWithProposals,
  resetTrainerPool,
  type Employer,
} from "./hiring-helpers.js";
import { allProposals, auditProposalCounts, eventsOf } from "./proposals-helpers.js";

/**
 * Model-based property test of the whole hiring-and-money workflow through the real HTTP surface
 * (issue 5): random command sequences of top-ups (paid, declined, expired), saved cards, hire
 * requests (repeated or with new terms), confirmations (credits or card, sometimes with the human's
 * edited milestone) and declines, milestones, funding, payout requests, releases, contract ends and
 * clock advances (past the 72 h approval expiry too) run against one sandbox server and a small
 * model of what each should do. After every step the API and the database must agree with the
 * model: balances, the ledger audit (postings sum to zero, nothing negative, money conserved),
 * contracts and HIRED proposals, approval statuses and their events. Expected refusals (409/402)
 * must leave everything unchanged.
 *
 * Failures print fast-check's seed and path; replay with HIRING_PROPERTY_SEED / HIRING_PROPERTY_PATH.
 */
let t: TestServer;

beforeAll(async () => {
  resetTrainerPool();
  // No real-time ticking: the virtual clock moves only when a command advances it.
  t = await startTestServer({ env: { OPENTRAIN_SANDBOX_TICK_SECONDS: "0" } });
}, 120_000);
afterAll(() => t?.close());

const HOUR = 3_600_000;
const APPROVAL_TTL = 72 * HOUR;
const CARDS = { good: "4242424242424242", declined: "4000000000000002", chargeDeclined: "4000000000000341" } as const;
const PROPOSALS_PER_RUN = 3;

type ApprovalType = "proposal_hire" | "milestone_fund" | "milestone_approve" | "contract_end";
type ApprovalStatus = "pending" | "confirmed" | "declined" | "expired";
type MilestoneStatus = "NOT_FUNDED" | "ACTIVE_FUNDED" | "PAID" | "REFUNDED" | "CANCELLED";

interface ApprovalM {
  id: string;
  type: ApprovalType;
  status: ApprovalStatus;
  /** Proposal (hire), milestone (fund, approve) or contract (end). */
  subject: string;
  /** Hire terms: the milestone amount. */
  amountCents: number;
  createdAt: number;
}
interface MilestoneM {
  id: string;
  contractId: string;
  amountCents: number;
  status: MilestoneStatus;
  source: "credits" | "card" | null;
}
interface ContractM {
  id: string;
  proposalId: string;
  ended: boolean;
}
/** What the account should look like. Money in cents; `now` is virtual ms since the run started. */
interface Model {
  available: number;
  reserved: number;
  cardEscrow: number;
  revenue: number;
  trainer: number;
  /** Paid top-ups plus card charges: all money that came in. */
  paidIn: number;
  card: keyof typeof CARDS | null;
  now: number;
  approvals: ApprovalM[];
  contracts: ContractM[];
  milestones: MilestoneM[];
}
interface Real {
  e: Employer;
  jobId: string;
  proposalIds: string[];
}

/** What the runs reached, so the property cannot pass by never exercising a branch. */
const seen = new Map<string, number>();
const saw = (what: string) => seen.set(what, (seen.get(what) ?? 0) + 1);

const feeOf = (cents: number) => Math.floor((cents * 10 + 50) / 100);
const pickFrom = <T>(list: T[], pick: number): T | undefined => (list.length ? list[pick % list.length] : undefined);
const pending = (m: Model, type: ApprovalType, subject: string) =>
  m.approvals.find((a) => a.type === type && a.subject === subject && a.status === "pending");

function expectStatus(res: { status: number; body: any }, status: number, step: string, reason?: string): void {
  expect(res.status, `${step}: ${JSON.stringify(res.body)}`).toBe(status);
  if (reason) expect(res.body.details?.reason, `${step}: ${JSON.stringify(res.body)}`).toBe(reason);
}

function fundMoney(m: Model, source: "credits" | "card", escrow: number, fee: number): void {
  if (source === "credits") {
    m.available -= escrow + fee;
    m.reserved += escrow;
  } else {
    m.paidIn += escrow + fee;
    m.cardEscrow += escrow;
  }
  m.revenue += fee;
}

/** Held escrow leaves: to the trainer (release) or back to the credit balance (refund). */
function settleMoney(m: Model, ms: MilestoneM, to: "trainer" | "refund"): void {
  if (ms.source === "credits") m.reserved -= ms.amountCents;
  else m.cardEscrow -= ms.amountCents;
  if (to === "trainer") m.trainer += ms.amountCents;
  else m.available += ms.amountCents;
  ms.status = to === "trainer" ? "PAID" : "REFUNDED";
}

/** Can the account pay `totalCents` (precondition of a new hire or funding request)? */
const canPay = (m: Model, totalCents: number) => m.card !== null || m.available >= totalCents;

// ---------------------------------------------------------------------------------------------
// Commands. Each one's run() drives the HTTP surface, asserts the outcome the model predicts and
// updates the model; the invariants are checked after every command (checkInvariants).

type Cmd = fc.AsyncCommand<Model, Real>;

abstract class Step implements Cmd {
  check(): boolean {
    return true;
  }
  abstract act(m: Model, r: Real, step: string): Promise<void>;
  async run(m: Model, r: Real): Promise<void> {
    const step = this.toString();
    await this.act(m, r, step);
    await checkInvariants(m, r, step);
  }
  abstract toString(): string;
}

class TopUp extends Step {
  constructor(
    readonly amountUsd: number,
    readonly card: "good" | "declined",
  ) {
    super();
  }
  async act(m: Model, r: Real, step: string) {
    const id = await createTopUp(t, r.e.token, this.amountUsd);
    const res = await payTopUp(t, id, CARDS[this.card]);
    if (this.card === "good") {
      expectStatus(res, 200, step);
      m.available += this.amountUsd * 100;
      m.paidIn += this.amountUsd * 100;
      saw("top-up paid");
    } else {
      expectStatus(res, 402, step);
      saw("top-up declined");
    }
  }
  toString() {
    return `topUp(${this.amountUsd}, ${this.card})`;
  }
}

class ExpiredTopUp extends Step {
  constructor(readonly amountUsd: number) {
    super();
  }
  async act(m: Model, r: Real, step: string) {
    const id = await createTopUp(t, r.e.token, this.amountUsd);
    await advanceModel(m, 25);
    expectStatus(await payTopUp(t, id), 409, step);
    const read = await api(t, "GET", `/credits/top-ups/${id}`, r.e.token);
    expect(read.body.topUp.status, step).toBe("EXPIRED");
    saw("top-up expired");
  }
  toString() {
    return `expiredTopUp(${this.amountUsd})`;
  }
}

class AddCard extends Step {
  constructor(readonly card: "good" | "chargeDeclined") {
    super();
  }
  async act(m: Model, r: Real, step: string) {
    const res = await sandbox(t, "POST", `/accounts/${r.e.accountId}/payment-methods`, { card: CARDS[this.card] });
    expectStatus(res, 201, step);
    m.card = this.card;
  }
  toString() {
    return `addCard(${this.card})`;
  }
}

class RequestHire extends Step {
  constructor(
    readonly pick: number,
    readonly amountCents: number,
    readonly repeat: boolean,
  ) {
    super();
  }
  async act(m: Model, r: Real, step: string) {
    const proposalId = r.proposalIds[this.pick % r.proposalIds.length]!;
    const live = pending(m, "proposal_hire", proposalId);
    const amountCents = this.repeat && live ? live.amountCents : this.amountCents;
    const res = await hire(t, r.e.token, proposalId, { milestone: { name: "Batch", amount: amountCents / 100 } });
    if (m.contracts.some((c) => c.proposalId === proposalId)) {
      expectStatus(res, 409, step, "already_accepted");
      saw("hire already accepted");
    } else if (live && live.amountCents === amountCents) {
      expectStatus(res, 202, step);
      expect(res.body.approval.id, `${step}: same terms, same approval`).toBe(live.id);
      saw("hire repeated");
    } else if (!canPay(m, hireChargeCents(amountCents))) {
      expectStatus(res, 409, step, "payment_method_required");
      saw("hire refused: cannot pay");
    } else {
      expectStatus(res, 202, step);
      if (live) {
        live.status = "expired";
        saw("hire superseded");
      }
      m.approvals.push(newApproval(m, res.body.approval.id, "proposal_hire", proposalId, amountCents));
      saw("hire requested");
    }
  }
  toString() {
    return `requestHire(proposal ${this.pick % PROPOSALS_PER_RUN}, ${this.amountCents}c${this.repeat ? ", repeat" : ""})`;
  }
}

const newApproval = (m: Model, id: string, type: ApprovalType, subject: string, amountCents = 0): ApprovalM => ({
  id,
  type,
  status: "pending",
  subject,
  amountCents,
  createdAt: m.now,
});

class Confirm extends Step {
  constructor(
    readonly pick: number,
    readonly source: "credits" | "card",
    readonly editCents: number | null,
  ) {
    super();
  }
  async act(m: Model, r: Real, step: string) {
    // Mostly a pending approval; every fourth pick any approval (resolved ones must refuse).
    const live = m.approvals.filter((a) => a.status === "pending");
    const a = pickFrom(this.pick % 4 === 0 || !live.length ? m.approvals : live, this.pick >> 2);
    if (!a) return;
    const edit = a.type === "proposal_hire" && this.editCents !== null;
    const body: Record<string, unknown> = { paymentSource: this.source };
    if (edit) body.milestone = { amount: this.editCents! / 100 };
    const res = await confirm(t, a.id, body);
    if (a.status !== "pending") {
      expectStatus(res, 409, step, "approval_not_pending");
      expect(res.body.details.status, step).toBe(a.status);
      saw("confirm resolved approval");
      return;
    }
    if (a.type === "contract_end") return this.confirmEnd(m, a, res, step);
    if (a.type === "milestone_approve") return this.confirmRelease(m, a, res, step);
    // Hire or funding: money moves from the chosen source.
    const ms = a.type === "milestone_fund" ? m.milestones.find((x) => x.id === a.subject)! : null;
    if (ms && m.contracts.find((c) => c.id === ms.contractId)!.ended) {
      expectStatus(res, 409, step, "contract_ended");
      saw("confirm fund on ended contract");
      return;
    }
    const escrow = ms ? ms.amountCents : edit ? this.editCents! : a.amountCents;
    const fee = ms ? feeOf(escrow) : feeOf(escrow) + 995;
    if (this.source === "credits" ? m.available < escrow + fee : m.card === null) {
      expectStatus(res, 409, step, "payment_method_required");
      saw(`confirm ${this.source}: cannot pay`);
      return;
    }
    if (this.source === "card" && m.card === "chargeDeclined") {
      expectStatus(res, 402, step);
      expect(res.body.code, step).toBe("PAYMENT_DECLINED");
      saw("confirm card declined");
      return;
    }
    expectStatus(res, 200, step);
    a.status = "confirmed";
    fundMoney(m, this.source, escrow, fee);
    if (ms) {
      ms.status = "ACTIVE_FUNDED";
      ms.source = this.source;
      saw(`fund confirmed ${this.source}`);
      return;
    }
    const contractId = res.body.approval.result.contractId as string;
    m.contracts.push({ id: contractId, proposalId: a.subject, ended: false });
    const [first] = rowsOf<{ id: string }>(
      await t.server.database.db.execute(sql`SELECT id FROM milestones WHERE contract_id = ${contractId}`),
    );
    m.milestones.push({ id: first!.id, contractId, amountCents: escrow, status: "ACTIVE_FUNDED", source: this.source });
    saw(`hire confirmed ${this.source}`);
    if (edit) saw("hire edited");
  }
  private confirmEnd(m: Model, a: ApprovalM, res: { status: number; body: any }, step: string) {
    const contract = m.contracts.find((c) => c.id === a.subject)!;
    if (contract.ended) {
      expectStatus(res, 409, step, "contract_ended");
      saw("confirm end on ended contract");
      return;
    }
    expectStatus(res, 200, step);
    a.status = "confirmed";
    closeContract(m, contract);
    saw("end confirmed (refund)");
  }
  private confirmRelease(m: Model, a: ApprovalM, res: { status: number; body: any }, step: string) {
    const ms = m.milestones.find((x) => x.id === a.subject)!;
    if (m.contracts.find((c) => c.id === ms.contractId)!.ended) {
      expectStatus(res, 409, step, "contract_ended");
      saw("confirm release on ended contract");
      return;
    }
    expectStatus(res, 200, step);
    a.status = "confirmed";
    settleMoney(m, ms, "trainer");
    saw(`release confirmed ${ms.source}`);
  }
  toString() {
    return `confirm(#${this.pick}, ${this.source}${this.editCents === null ? "" : `, edit ${this.editCents}c`})`;
  }
}

/** Funded escrow goes back to credits, unfunded milestones are cancelled, the contract ends. */
function closeContract(m: Model, c: ContractM): void {
  for (const ms of m.milestones.filter((x) => x.contractId === c.id)) {
    if (ms.status === "ACTIVE_FUNDED") settleMoney(m, ms, "refund");
    else if (ms.status === "NOT_FUNDED") ms.status = "CANCELLED";
  }
  c.ended = true;
}

class Decline extends Step {
  constructor(readonly pick: number) {
    super();
  }
  async act(m: Model, _r: Real, step: string) {
    const live = m.approvals.filter((a) => a.status === "pending");
    const a = pickFrom(this.pick % 4 === 0 || !live.length ? m.approvals : live, this.pick >> 2);
    if (!a) return;
    const res = await decline(t, a.id);
    if (a.status !== "pending") {
      expectStatus(res, 409, step, "approval_not_pending");
      return;
    }
    expectStatus(res, 200, step);
    a.status = "declined";
    saw(`declined ${a.type}`);
  }
  toString() {
    return `decline(#${this.pick})`;
  }
}

class CreateMilestone extends Step {
  constructor(
    readonly pick: number,
    readonly amountCents: number,
  ) {
    super();
  }
  async act(m: Model, r: Real, step: string) {
    const c = pickFrom(m.contracts, this.pick);
    if (!c) return;
    const res = await api(t, "POST", `/contracts/${c.id}/milestones`, r.e.token, {
      description: "More work",
      amountUsd: this.amountCents / 100,
    });
    if (c.ended) {
      expectStatus(res, 409, step, "contract_ended");
      return;
    }
    expectStatus(res, 201, step);
    m.milestones.push({
      id: res.body.milestone.id,
      contractId: c.id,
      amountCents: this.amountCents,
      status: "NOT_FUNDED",
      source: null,
    });
    saw("milestone created");
  }
  toString() {
    return `createMilestone(contract #${this.pick}, ${this.amountCents}c)`;
  }
}

/** Picks a milestone: mostly one in `preferred` status, every third pick any. */
function pickMilestone(m: Model, pick: number, preferred: MilestoneStatus): MilestoneM | undefined {
  const good = m.milestones.filter((x) => x.status === preferred);
  return pickFrom(pick % 3 === 0 || !good.length ? m.milestones : good, pick >> 2);
}

class RequestFunding extends Step {
  constructor(readonly pick: number) {
    super();
  }
  async act(m: Model, r: Real, step: string) {
    const ms = pickMilestone(m, this.pick, "NOT_FUNDED");
    if (!ms) return;
    const res = await api(t, "POST", `/milestones/${ms.id}/fund`, r.e.token, {});
    const live = pending(m, "milestone_fund", ms.id);
    if (m.contracts.find((c) => c.id === ms.contractId)!.ended) {
      expectStatus(res, 409, step, "contract_ended");
    } else if (ms.status !== "NOT_FUNDED") {
      expectStatus(res, 409, step, "milestone_not_fundable");
    } else if (live) {
      expectStatus(res, 202, step);
      expect(res.body.approval.id, step).toBe(live.id);
      saw("funding repeated");
    } else if (!canPay(m, ms.amountCents + feeOf(ms.amountCents))) {
      expectStatus(res, 409, step, "payment_method_required");
      saw("funding refused: cannot pay");
    } else {
      expectStatus(res, 202, step);
      m.approvals.push(newApproval(m, res.body.approval.id, "milestone_fund", ms.id));
      saw("funding requested");
    }
  }
  toString() {
    return `requestFunding(#${this.pick})`;
  }
}

class RequestPayout extends Step {
  constructor(readonly pick: number) {
    super();
  }
  async act(m: Model, _r: Real, step: string) {
    const ms = pickMilestone(m, this.pick, "ACTIVE_FUNDED");
    if (!ms) return;
    const res = await sandbox(t, "POST", `/milestones/${ms.id}/request-payout`);
    if (m.contracts.find((c) => c.id === ms.contractId)!.ended) expectStatus(res, 409, step, "contract_ended");
    else if (ms.status !== "ACTIVE_FUNDED") expectStatus(res, 409, step, "milestone_not_funded");
    else {
      expectStatus(res, 200, step);
      saw("payout requested");
    }
  }
  toString() {
    return `requestPayout(#${this.pick})`;
  }
}

class RequestRelease extends Step {
  constructor(readonly pick: number) {
    super();
  }
  async act(m: Model, r: Real, step: string) {
    const ms = pickMilestone(m, this.pick, "ACTIVE_FUNDED");
    if (!ms) return;
    const res = await api(t, "POST", `/milestones/${ms.id}/approve`, r.e.token, {});
    const live = pending(m, "milestone_approve", ms.id);
    if (m.contracts.find((c) => c.id === ms.contractId)!.ended) {
      expectStatus(res, 409, step, "contract_ended");
    } else if (ms.status !== "ACTIVE_FUNDED") {
      expectStatus(res, 409, step, "milestone_not_funded");
    } else {
      expectStatus(res, 202, step);
      if (live) expect(res.body.approval.id, step).toBe(live.id);
      else m.approvals.push(newApproval(m, res.body.approval.id, "milestone_approve", ms.id));
      saw("release requested");
    }
  }
  toString() {
    return `requestRelease(#${this.pick})`;
  }
}

class EndContract extends Step {
  constructor(readonly pick: number) {
    super();
  }
  async act(m: Model, r: Real, step: string) {
    const c = pickFrom(m.contracts, this.pick);
    if (!c) return;
    const res = await api(t, "POST", `/contracts/${c.id}/end`, r.e.token, {});
    const live = pending(m, "contract_end", c.id);
    if (c.ended) {
      expectStatus(res, 409, step, "contract_ended");
    } else if (!m.milestones.some((x) => x.contractId === c.id && x.status === "ACTIVE_FUNDED")) {
      expectStatus(res, 200, step);
      closeContract(m, c);
      saw("ended at once");
    } else {
      expectStatus(res, 202, step);
      if (live) expect(res.body.approval.id, step).toBe(live.id);
      else m.approvals.push(newApproval(m, res.body.approval.id, "contract_end", c.id));
      saw("end requested");
    }
  }
  toString() {
    return `endContract(#${this.pick})`;
  }
}

async function advanceModel(m: Model, hours: number): Promise<void> {
  await advance(t, `${hours}h`);
  m.now += hours * HOUR;
  for (const a of m.approvals) {
    if (a.status === "pending" && m.now >= a.createdAt + APPROVAL_TTL) {
      a.status = "expired";
      saw("approval expired");
    }
  }
}

class Advance extends Step {
  constructor(readonly hours: number) {
    super();
  }
  async act(m: Model) {
    await advanceModel(m, this.hours);
  }
  toString() {
    return `advance(${this.hours}h)`;
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * The invariants, through the API and the database, after every command.
 * Sign rule of GET /credits/ledger: every entry's amountCents is its effect on `available`, except
 * CAPTURE, whose amountCents is its effect on `reserved`; HOLD and HOLD_RELEASE move their amount
 * between available and reserved, so their effect on reserved is the negation of their amountCents.
 */
async function checkInvariants(m: Model, r: Real, step: string): Promise<void> {
  const credits = await api(t, "GET", "/credits", r.e.token);
  expectStatus(credits, 200, step);
  const entries = await allLedgerEntries(t, r.e.token);
  let available = 0;
  let reserved = 0;
  for (const e of entries) {
    if (e.type === "CAPTURE") reserved += e.amountCents;
    else available += e.amountCents;
    if (e.type === "HOLD" || e.type === "HOLD_RELEASE") reserved -= e.amountCents;
  }
  expect({ available, reserved }, `${step}: balances derived from GET /credits/ledger`).toEqual({
    available: m.available,
    reserved: m.reserved,
  });
  expect(credits.body.credits, `${step}: GET /credits`).toMatchObject({
    availableCents: m.available,
    reservedCents: m.reserved,
  });
  await auditProposalCounts(t, step);
  // Postings balance, nothing negative, cached = derived, conservation, escrow per milestone.
  const books = await auditLedger(t, r.e.accountId);
  expect(books, `${step}: books`).toEqual({
    customer_available: m.available,
    customer_reserved: m.reserved,
    escrow: m.cardEscrow,
    card_clearing: -m.paidIn,
    platform_revenue: m.revenue,
    trainer_payable: m.trainer,
  });
  expect(m.paidIn, `${step}: money in = available + reserved + card escrow + fees + paid out`).toBe(
    m.available + m.reserved + m.cardEscrow + m.revenue + m.trainer,
  );

  // Every confirmed hire executed exactly once: one contract each, the proposal HIRED.
  const confirmedHires = m.approvals.filter((a) => a.type === "proposal_hire" && a.status === "confirmed");
  expect(m.contracts.length, step).toBe(confirmedHires.length);
  const listed = await api(t, "GET", `/contracts?jobId=${r.jobId}`, r.e.token);
  expect(listed.body.contracts.map((c: any) => c.id).sort(), `${step}: contracts`).toEqual(
    m.contracts.map((c) => c.id).sort(),
  );
  for (const c of listed.body.contracts) {
    expect(c.status, `${step}: contract ${c.id}`).toBe(
      m.contracts.find((x) => x.id === c.id)!.ended ? "ended" : "active",
    );
  }
  const { proposals } = await allProposals(t, r.e.token, r.jobId);
  expect(
    proposals
      .filter((p: any) => p.status.raw === "HIRED")
      .map((p: any) => p.id)
      .sort(),
    `${step}: HIRED proposals`,
  ).toEqual(m.contracts.map((c) => c.proposalId).sort());

  const db = t.server.database.db;
  const approvalRows = rowsOf<{ id: string; status: string }>(
    await db.execute(sql`SELECT id, status FROM approvals WHERE account_id = ${r.e.accountId}`),
  );
  expect(Object.fromEntries(approvalRows.map((a) => [a.id, a.status])), `${step}: approval statuses`).toEqual(
    Object.fromEntries(m.approvals.map((a) => [a.id, a.status])),
  );
  const milestoneRows = rowsOf<{ id: string; status: string }>(
    await db.execute(sql`SELECT id, status FROM milestones WHERE account_id = ${r.e.accountId}`),
  );
  expect(Object.fromEntries(milestoneRows.map((x) => [x.id, x.status])), `${step}: milestone statuses`).toEqual(
    Object.fromEntries(m.milestones.map((x) => [x.id, x.status])),
  );

  // Events agree: one contract.created per contract, one approval.confirmed per resolved approval.
  const events = await eventsOf(t, r.e.accountId);
  expect(
    events
      .filter((ev) => ev.type === "contract.created")
      .map((ev) => ev.resourceId)
      .sort(),
    `${step}: contract.created events`,
  ).toEqual(m.contracts.map((c) => c.id).sort());
  const resolved = events.filter((ev) => ev.type === "approval.confirmed").map((ev) => ev.data as any);
  expect(resolved.map((d) => `${d.approvalId}:${d.status}`).sort(), `${step}: approval.confirmed events`).toEqual(
    m.approvals
      .filter((a) => a.status !== "pending")
      .map((a) => `${a.id}:${a.status}`)
      .sort(),
  );
}

const cents = (min: number, max: number) => fc.integer({ min, max });
const command: fc.Arbitrary<Cmd> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc
      .tuple(cents(10, 600), fc.constantFrom("good" as const, "declined" as const))
      .map(([a, c]) => new TopUp(a, c)),
  },
  { weight: 1, arbitrary: cents(10, 100).map((a) => new ExpiredTopUp(a)) },
  { weight: 2, arbitrary: fc.constantFrom("good" as const, "chargeDeclined" as const).map((c) => new AddCard(c)) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.nat(), cents(100, 40_000), fc.boolean())
      .map(([p, a, repeat]) => new RequestHire(p, a, repeat)),
  },
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.nat(), fc.constantFrom("credits" as const, "card" as const), fc.option(cents(100, 40_000), { freq: 2 }))
      .map(([p, s, edit]) => new Confirm(p, s, edit)),
  },
  { weight: 2, arbitrary: fc.nat().map((p) => new Decline(p)) },
  { weight: 4, arbitrary: fc.tuple(fc.nat(), cents(100, 20_000)).map(([p, a]) => new CreateMilestone(p, a)) },
  { weight: 4, arbitrary: fc.nat().map((p) => new RequestFunding(p)) },
  { weight: 1, arbitrary: fc.nat().map((p) => new RequestPayout(p)) },
  { weight: 3, arbitrary: fc.nat().map((p) => new RequestRelease(p)) },
  { weight: 2, arbitrary: fc.nat().map((p) => new EndContract(p)) },
  { weight: 2, arbitrary: fc.constantFrom(1, 25, 73).map((h) => new Advance(h)) },
);

/** Every command kind and outcome at least once, in an order where each can happen (see the comments). */
const EVERY_BRANCH = (): Cmd[] => [
  new RequestHire(0, 20_000, false),
  new RequestHire(0, 20_000, true), // same approval
  new RequestHire(0, 25_000, false), // supersedes
  new Confirm(1, "credits", null), // hire from credits: 500.00 - 284.95
  new RequestHire(0, 1_000, false), // already accepted
  new CreateMilestone(0, 10_000),
  new RequestFunding(1),
  new Confirm(1, "credits", null), // funding from credits: - 110.00
  new RequestPayout(1),
  new RequestRelease(1),
  new Confirm(1, "credits", null), // release of the first milestone
  new EndContract(0), // the second milestone is still funded: an approval
  new Confirm(1, "credits", null), // refunds it: 205.05 available
  new RequestHire(1, 100_000, false), // cannot pay, no card
  new AddCard("chargeDeclined"),
  new RequestHire(1, 30_000, false), // a card on file is enough to ask
  new Confirm(1, "card", null), // declined
  new Confirm(1, "credits", null), // 339.95 > 205.05
  new AddCard("good"),
  new Confirm(1, "card", 5_000), // the human's amount wins
  new RequestRelease(1),
  new Advance(73), // expires it
  new RequestRelease(1),
  new Confirm(1, "card", null),
  new CreateMilestone(1, 1_000),
  new RequestFunding(1),
  new Decline(1),
  new EndContract(1), // nothing funded: ends at once, the milestone is cancelled
  new Confirm(0, "credits", null), // the superseded first hire approval
  new TopUp(20, "declined"),
  new ExpiredTopUp(10),
];

/** A fresh employer with $500 of credits and an invite-only fixed-price job with applicants. */
async function setup(): Promise<{ model: Model; real: Real }> {
  const e = await employer(t);
  const job = await jobWithProposals(t, e, PROPOSALS_PER_RUN, { paymentType: "FIXED_PRICE", rateAmount: 400 });
  const model: Model = {
    available: 0,
    reserved: 0,
    cardEscrow: 0,
    revenue: 0,
    trainer: 0,
    paidIn: 0,
    card: null,
    now: 0,
    approvals: [],
    contracts: [],
    milestones: [],
  };
  const real: Real = { e, jobId: job.jobId, proposalIds: job.proposalIds };
  await new TopUp(500, "good").run(model, real);
  return { model, real };
}

describe("hiring workflow properties (HTTP)", () => {
  it("after every step of random hiring sequences, balances, ledger, contracts, approvals and events agree", async () => {
    const seed = Number(process.env.HIRING_PROPERTY_SEED ?? 20_261_122);
    const path = process.env.HIRING_PROPERTY_PATH;
    await fc.assert(
      fc.asyncProperty(fc.commands([command], { maxCommands: 30, size: "max" }), (cmds) =>
        fc.asyncModelRun(setup, cmds),
      ),
      {
        seed,
        ...(path ? { path } : {}),
        numRuns: Number(process.env.HIRING_PROPERTY_RUNS ?? 10),
        endOnFailure: true,
        verbose: 1,
      },
    );
    // The random runs reached the interesting branches (a broken generator would pass vacuously).
    for (const branch of ["hire requested", "hire confirmed credits", "funding requested", "release requested"]) {
      expect(seen.get(branch) ?? 0, `runs reached "${branch}" (seen: ${JSON.stringify([...seen])})`).toBeGreaterThan(0);
    }
  }, 600_000);

  it("the same checks hold on a fixed sequence that reaches every branch", async () => {
    seen.clear();
    await fc.asyncModelRun(setup, EVERY_BRANCH());
    for (const branch of [
      "hire requested",
      "hire repeated",
      "hire superseded",
      "hire confirmed credits",
      "hire confirmed card",
      "hire edited",
      "hire already accepted",
      "hire refused: cannot pay",
      "confirm card declined",
      "confirm credits: cannot pay",
      "milestone created",
      "funding requested",
      "fund confirmed credits",
      "payout requested",
      "release requested",
      "release confirmed credits",
      "release confirmed card",
      "end requested",
      "end confirmed (refund)",
      "ended at once",
      "approval expired",
      "declined milestone_fund",
      "confirm resolved approval",
      "top-up declined",
      "top-up expired",
    ]) {
      expect(seen.get(branch) ?? 0, `the sequence reached "${branch}"`).toBeGreaterThan(0);
    }
  }, 300_000);
});
