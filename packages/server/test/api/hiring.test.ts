import { approvalSchema, coSignResponseSchema } from "@opentrain-ai/contract";
import { sandbox, startTestServer, type TestServer } from "@opentrain-ai/testkit";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trainers } from "../../src/db/schema.js";
import { getApproval as readApproval } from "../../src/services/approvals/get-approval.js";
import { changeProposalStatus } from "../../src/services/proposals/change-proposal-status.js";
import { findProposal } from "../../src/services/proposals/find-proposal.js";
import { api, auditLedger, buyCredits, ctxOf } from "./credits-helpers.js";
import {
  advance,
  confirm,
  contractOf,
  decline,
  employer,
  getApproval,
  hire,
  hireChargeCents,
  jobWithProposals,
  resetTrainerPool,
  type Employer,
} from "./hiring-helpers.js";
import { eventsOf } from "./proposals-helpers.js";

let t: TestServer;
/** Has $2,000 of credits and no card. */
let rich: Employer;
let richJob: { jobId: string; proposalIds: string[]; trainerIds: string[] };
/** No credits, no card. */
let poor: Employer;
let poorJob: { jobId: string; proposalIds: string[] };

const eventsSince = async (accountId: string, before: number) => (await eventsOf(t, accountId)).slice(before);

beforeAll(async () => {
  resetTrainerPool();
  t = await startTestServer();
  rich = await employer(t);
  poor = await employer(t);
  richJob = await jobWithProposals(t, rich, 8);
  poorJob = await jobWithProposals(t, poor, 1);
  await buyCredits(t, rich.token, 2000);
}, 180_000);
afterAll(() => t?.close());

describe("POST /proposals/{proposalId}/hire", () => {
  it("records a pending proposal_hire approval and answers 202 with the absolute approvalUrl", async () => {
    const proposalId = richJob.proposalIds[0]!;
    const before = (await eventsOf(t, rich.accountId)).length;
    const res = await hire(t, rich.token, proposalId, {
      milestone: { name: "Pilot batch", description: "500 images", amount: 300, dueDate: "2026-07-01" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(coSignResponseSchema.safeParse(res.body).success).toBe(true);
    const a = res.body.approval;
    expect(a).toMatchObject({
      id: expect.stringMatching(/^apr_/),
      type: "proposal_hire",
      status: "pending",
      contractId: null,
      milestoneId: null,
      jobId: richJob.jobId,
      proposalId,
      approvalUrl: `${t.baseUrl}/approvals/${a.id}`,
      resolvedAt: null,
      result: null,
    });
    expect(new Date(a.expiresAt).getTime() - new Date(a.createdAt).getTime()).toBe(72 * 3_600_000);
    expect(res.body.message).toContain(a.approvalUrl);
    expect(res.body.message).toContain("approval.confirmed");
    // Nothing was hired, charged or announced.
    expect(await eventsSince(rich.accountId, before)).toEqual([]);
    const proposal = await api(t, "GET", `/proposals/${proposalId}`, rich.token);
    expect(proposal.body.proposal).toMatchObject({ status: { raw: "UNREVIEWED" }, contract: null });
    const credits = await api(t, "GET", "/credits", rich.token);
    expect(credits.body.credits).toMatchObject({ availableCents: 200_000, reservedCents: 0 });
  });

  it("returns the same approval for the same terms, and supersedes it for new terms", async () => {
    const proposalId = richJob.proposalIds[1]!;
    const terms = { milestone: { name: "Batch", amount: 120.5 } };
    const first = await hire(t, rich.token, proposalId, terms);
    const again = await hire(t, rich.token, proposalId, terms);
    expect(again.status).toBe(202);
    expect(again.body.approval.id).toBe(first.body.approval.id);

    const before = (await eventsOf(t, rich.accountId)).length;
    const changed = await hire(t, rich.token, proposalId, { milestone: { name: "Batch", amount: 150 } });
    expect(changed.status).toBe(202);
    const newId = changed.body.approval.id;
    expect(newId).not.toBe(first.body.approval.id);
    const old = await getApproval(t, rich.token, first.body.approval.id);
    expect(old.body.approval).toMatchObject({ status: "expired", supersededBy: newId, result: null });
    expect(old.body.approval.resolvedAt).not.toBeNull();
    expect(await eventsSince(rich.accountId, before)).toEqual([
      expect.objectContaining({
        type: "approval.confirmed",
        resourceId: first.body.approval.id,
        data: { approvalId: first.body.approval.id, status: "expired" },
      }),
    ]);
    // The superseded approval cannot be confirmed any more.
    const late = await confirm(t, first.body.approval.id, { paymentSource: "credits" });
    expect(late.status).toBe(409);
    expect(late.body.details).toMatchObject({ reason: "approval_not_pending", status: "expired", supersededBy: newId });
  });

  it.each([
    [{ milestone: { amount: 100 } }, "milestone.name"],
    [{ milestone: { name: "x", amount: 10.005 } }, "milestone.amount"],
    [{ milestone: { name: "x", amount: 10, dueDate: "next tuesday" } }, "milestone.dueDate"],
  ])("400 for a bad milestone %j", async (body, field) => {
    const res = await hire(t, rich.token, richJob.proposalIds[2]!, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("BAD_REQUEST");
    expect(JSON.stringify(res.body)).toContain(field.split(".").pop()!);
  });

  it("400 without a milestone or with a non-positive amount (schema)", async () => {
    expect((await hire(t, rich.token, richJob.proposalIds[2]!, {})).status).toBe(400);
    expect((await hire(t, rich.token, richJob.proposalIds[2]!, { milestone: { name: "x", amount: 0 } })).status).toBe(
      400,
    );
  });

  it("404 for an unknown proposal and another account's proposal", async () => {
    const unknown = await hire(t, rich.token, "prp_doesNotExist000000", { milestone: { name: "x", amount: 10 } });
    expect(unknown.status).toBe(404);
    const foreign = await hire(t, rich.token, poorJob.proposalIds[0]!, { milestone: { name: "x", amount: 10 } });
    expect(foreign.status).toBe(404);
  });

  it("409 payment_method_required with billingUrl when there is no card and credits cannot cover the charge", async () => {
    const res = await hire(t, poor.token, poorJob.proposalIds[0]!, { milestone: { name: "x", amount: 50 } });
    expect(res.status).toBe(409);
    expect(res.body.details).toEqual({
      reason: "payment_method_required",
      billingUrl: `${t.baseUrl}/billing?account=${poor.accountId}`,
      requiredCents: hireChargeCents(5000),
      availableCents: 0,
    });
    // Credits that cover the whole charge are enough; a card on file is enough too.
    const card = await sandbox(t, "POST", `/accounts/${poor.accountId}/payment-methods`, { card: "4242424242424242" });
    expect(card.status, JSON.stringify(card.body)).toBeLessThan(300);
    const ok = await hire(t, poor.token, poorJob.proposalIds[0]!, { milestone: { name: "x", amount: 50 } });
    expect(ok.status).toBe(202);
  });

  it("409 not_fit_confirmation_required for a Not-a-fit proposal unless confirmNotFitOverride is sent", async () => {
    const proposalId = richJob.proposalIds[3]!;
    const found = await findProposal(ctxOf(t), proposalId);
    await changeProposalStatus(ctxOf(t), { proposal: found!.proposal, accountId: rich.accountId, status: "NOT_A_FIT" });
    const body = { milestone: { name: "x", amount: 40 } };
    const refused = await hire(t, rich.token, proposalId, body);
    expect(refused.status).toBe(409);
    expect(refused.body.details).toMatchObject({ reason: "not_fit_confirmation_required", proposalId });
    const ok = await hire(t, rich.token, proposalId, { ...body, confirmNotFitOverride: true });
    expect(ok.status).toBe(202);
    const done = await confirm(t, ok.body.approval.id, { paymentSource: "credits" });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
  });

  it("409 proposal_not_hireable for an invitation the trainer has not accepted", async () => {
    const trainers = await sandbox(t, "GET", "/trainers?limit=100");
    const invitee = trainers.body.trainers.filter((x: any) => x.status === "ACTIVE").at(-1);
    const inv = await api(t, "POST", `/jobs/${richJob.jobId}/invites`, rich.token, { freelancerId: invitee.id });
    expect(inv.status, JSON.stringify(inv.body)).toBe(201);
    const res = await hire(t, rich.token, inv.body.proposalId, { milestone: { name: "x", amount: 10 } });
    expect(res.status).toBe(409);
    expect(res.body.details).toMatchObject({ reason: "proposal_not_hireable", invitationStatus: "PENDING" });
  });
});

describe("POST /proposals/{proposalId}/hire (suspended trainer)", () => {
  it("409 freelancer_unavailable when the trainer was suspended", async () => {
    const proposalId = poorJob.proposalIds[0]!;
    const trainerId = (await findProposal(ctxOf(t), proposalId))!.trainer.id;
    const db = t.server.database.db;
    await db.update(trainers).set({ status: "SUSPENDED" }).where(eq(trainers.id, trainerId));
    try {
      const res = await hire(t, poor.token, proposalId, { milestone: { name: "x", amount: 51 } });
      expect(res.status).toBe(409);
      expect(res.body.details).toEqual({ reason: "freelancer_unavailable", proposalId });
    } finally {
      await db.update(trainers).set({ status: "ACTIVE" }).where(eq(trainers.id, trainerId));
    }
  });
});

describe("confirming a hire", () => {
  it("creates the contract, the funded first milestone, HIRED and the events in one go, paid from credits", async () => {
    const proposalId = richJob.proposalIds[4]!;
    const req = await hire(t, rich.token, proposalId, {
      milestone: { name: "Agent's name", description: "Agent's description", amount: 200 },
    });
    const approvalId = req.body.approval.id;
    const creditsBefore = (await api(t, "GET", "/credits", rich.token)).body.credits;
    const before = (await eventsOf(t, rich.accountId)).length;
    // The human edits the amount and the due date; their values win.
    const res = await confirm(t, approvalId, {
      paymentSource: "credits",
      milestone: { amount: 250, dueDate: "2026-08-01" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(approvalSchema.safeParse(res.body.approval).success).toBe(true);
    const result = res.body.approval.result;
    expect(res.body.approval).toMatchObject({ status: "confirmed", contractId: null, resolvedAt: expect.any(String) });
    expect(result).toEqual({
      hired: true,
      contractId: expect.stringMatching(/^ctr_/),
      jobId: richJob.jobId,
      freelancerUserId: richJob.trainerIds[4],
    });

    const contract = await contractOf(t, rich.token, result.contractId);
    expect(contract).toMatchObject({
      id: result.contractId,
      status: "active",
      title: "Product Photo Bounding Boxes",
      jobId: richJob.jobId,
      proposalId,
      paymentType: "PAY_PER_HOUR",
      hasActiveMilestone: true,
      endDate: null,
      jobDmConversationId: expect.stringMatching(/^cnv_/),
      freelancer: { userId: richJob.trainerIds[4], displayName: expect.any(String) },
    });
    expect(contract.milestones).toEqual([
      expect.objectContaining({
        name: "Agent's name",
        description: "Agent's description",
        status: "ACTIVE_FUNDED",
        amountUsd: 250,
        milestoneNumber: 1,
        dueDate: "2026-08-01",
        pendingApproval: false,
        invoiceId: expect.stringMatching(/^inv_/),
      }),
    ]);
    expect(contract.budget).toMatchObject({ state: "OK", fundedAmountUsd: 250, consumedVolume: 0 });
    expect(JSON.stringify(contract)).not.toMatch(/email|lastName"/);

    const milestoneId = contract.milestones[0].id;
    expect(await eventsSince(rich.accountId, before)).toEqual([
      expect.objectContaining({
        type: "contract.created",
        data: { contractId: result.contractId, jobId: richJob.jobId, proposalId },
      }),
      expect.objectContaining({
        type: "milestone.status_changed",
        data: { milestoneId, contractId: result.contractId, status: "ACTIVE_FUNDED" },
      }),
      expect.objectContaining({ type: "proposal.status_changed", data: { proposalId, status: "HIRED" } }),
      expect.objectContaining({ type: "approval.confirmed", data: { approvalId, status: "confirmed" } }),
    ]);

    // Escrow 250.00 held, fees 25.00 + 9.95 captured: available drops by 284.95.
    const credits = (await api(t, "GET", "/credits", rich.token)).body.credits;
    expect(credits.availableCents).toBe(creditsBefore.availableCents - hireChargeCents(25_000));
    expect(credits.reservedCents).toBe(creditsBefore.reservedCents + 25_000);
    await auditLedger(t, rich.accountId, rich.token);

    const proposal = await api(t, "GET", `/proposals/${proposalId}`, rich.token);
    expect(proposal.body.proposal).toMatchObject({
      status: { raw: "HIRED" },
      contract: { id: result.contractId, status: "active" },
    });
    const again = await hire(t, rich.token, proposalId, { milestone: { name: "x", amount: 10 } });
    expect(again.status).toBe(409);
    expect(again.body.details).toEqual({ reason: "already_accepted", proposalId, contractId: result.contractId });
    const twice = await confirm(t, approvalId, { paymentSource: "credits" });
    expect(twice.status).toBe(409);
    expect(twice.body.details).toMatchObject({ reason: "approval_not_pending", status: "confirmed" });
  });

  it("needs a payment source (400) and leaves the approval pending", async () => {
    const req = await hire(t, rich.token, richJob.proposalIds[5]!, { milestone: { name: "x", amount: 20 } });
    const res = await confirm(t, req.body.approval.id, {});
    expect(res.status).toBe(400);
    expect(res.body.details).toMatchObject({ field: "paymentSource" });
    expect((await getApproval(t, rich.token, req.body.approval.id)).body.approval.status).toBe("pending");
  });

  it("short credits at confirm time: 409 payment_method_required, nothing written, still pending", async () => {
    const req = await hire(t, rich.token, richJob.proposalIds[5]!, { milestone: { name: "x", amount: 20 } });
    const before = (await eventsOf(t, rich.accountId)).length;
    const res = await confirm(t, req.body.approval.id, { paymentSource: "credits", milestone: { amount: 100_000 } });
    expect(res.status).toBe(409);
    expect(res.body.details).toMatchObject({ reason: "payment_method_required", billingUrl: expect.any(String) });
    expect((await getApproval(t, rich.token, req.body.approval.id)).body.approval.status).toBe("pending");
    expect(await eventsSince(rich.accountId, before)).toEqual([]);
    const list = await api(t, "GET", `/contracts?jobId=${richJob.jobId}`, rich.token);
    expect(list.body.contracts.map((c: any) => c.proposalId)).not.toContain(richJob.proposalIds[5]);
    await auditLedger(t, rich.accountId, rich.token);
  });

  it("a declined card at confirm time: 402 PAYMENT_DECLINED, nothing written, still pending; credits then work", async () => {
    const saved = await sandbox(t, "POST", `/accounts/${rich.accountId}/payment-methods`, { card: "4000000000000341" });
    expect(saved.status, JSON.stringify(saved.body)).toBeLessThan(300);
    const req = await hire(t, rich.token, richJob.proposalIds[5]!, { milestone: { name: "x", amount: 20 } });
    const before = (await eventsOf(t, rich.accountId)).length;
    const res = await confirm(t, req.body.approval.id, { paymentSource: "card" });
    expect(res.status).toBe(402);
    expect(res.body.code).toBe("PAYMENT_DECLINED");
    expect((await getApproval(t, rich.token, req.body.approval.id)).body.approval.status).toBe("pending");
    expect(await eventsSince(rich.accountId, before)).toEqual([]);
    const ok = await confirm(t, req.body.approval.id, { paymentSource: "credits" });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    await auditLedger(t, rich.accountId, rich.token);
  });

  it("milestone edits apply to hires only (400 on other types)", async () => {
    const { proposalIds } = await jobWithProposals(t, rich, 1);
    const req = await hire(t, rich.token, proposalIds[0]!, { milestone: { name: "x", amount: 10 } });
    const done = await confirm(t, req.body.approval.id, { paymentSource: "credits" });
    const contract = await contractOf(t, rich.token, done.body.approval.result.contractId);
    const end = await api(t, "POST", `/contracts/${contract.id}/end`, rich.token, {});
    expect(end.status).toBe(202);
    const res = await confirm(t, end.body.approval.id, { milestone: { amount: 5 } });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual({ field: "milestone" });
    expect((await getApproval(t, rich.token, end.body.approval.id)).body.approval.status).toBe("pending");
  });

  it("404 for an unknown approval", async () => {
    const res = await confirm(t, "apr_doesNotExist000000", { paymentSource: "credits" });
    expect(res.status).toBe(404);
    expect(res.body.details).toEqual({ resource: "approvals", approvalId: "apr_doesNotExist000000" });
  });
});

describe("declining", () => {
  it("sets declined with approval.confirmed {status: declined}; nothing executes; a second decline is 409", async () => {
    const proposalId = richJob.proposalIds[6]!;
    const req = await hire(t, rich.token, proposalId, { milestone: { name: "x", amount: 30 } });
    const before = (await eventsOf(t, rich.accountId)).length;
    const res = await decline(t, req.body.approval.id);
    expect(res.status).toBe(200);
    expect(res.body.approval).toMatchObject({ status: "declined", result: null, resolvedAt: expect.any(String) });
    expect(await eventsSince(rich.accountId, before)).toEqual([
      expect.objectContaining({
        type: "approval.confirmed",
        data: { approvalId: req.body.approval.id, status: "declined" },
      }),
    ]);
    expect((await decline(t, req.body.approval.id)).status).toBe(409);
    expect((await confirm(t, req.body.approval.id, { paymentSource: "credits" })).status).toBe(409);
    // A new request after a decline is a new approval.
    const next = await hire(t, rich.token, proposalId, { milestone: { name: "x", amount: 30 } });
    expect(next.status).toBe(202);
    expect(next.body.approval.id).not.toBe(req.body.approval.id);
  });
});

describe("GET /approvals/{approvalId}", () => {
  it("is visible to the owner and the requesting token, 404 for anyone else", async () => {
    const req = await hire(t, rich.agent.token, richJob.proposalIds[7]!, { milestone: { name: "x", amount: 30 } });
    expect(req.status, JSON.stringify(req.body)).toBe(202);
    const id = req.body.approval.id;
    expect((await getApproval(t, rich.agent.token, id)).status).toBe(200);
    expect((await getApproval(t, rich.token, id)).status).toBe(200);
    const foreign = await getApproval(t, poor.token, id);
    expect(foreign.status).toBe(404);
    expect(foreign.body.details).toEqual({ resource: "approvals", approvalId: id });
    // A member's other token of the same account does not see it; the member's own requests it does.
    const member = { tokenId: "tok_member", tokenName: "m", userId: "usr_member", accountId: rich.accountId };
    const asMember = { ...member, scopes: [], claimed: true, role: "MEMBER" as const };
    await expect(readApproval(ctxOf(t), asMember, id)).rejects.toMatchObject({ status: 404 });
    const row = await readApproval(ctxOf(t), { ...asMember, role: "OWNER" }, id);
    await expect(readApproval(ctxOf(t), { ...asMember, tokenId: row.requestedByTokenId! }, id)).resolves.toMatchObject({
      id,
    });
  });

  it("expires pending approvals after 72 h: the clock advance writes approval.confirmed {expired}, reads agree", async () => {
    const req = await hire(t, rich.token, richJob.proposalIds[7]!, { milestone: { name: "late", amount: 31 } });
    const id = req.body.approval.id;
    await advance(t, "71h");
    expect((await getApproval(t, rich.token, id)).body.approval.status).toBe("pending");
    const before = (await eventsOf(t, rich.accountId)).length;
    await advance(t, "2h");
    // Applied by the clock advance itself, before anyone reads it.
    const written = await eventsSince(rich.accountId, before);
    expect(written).toContainEqual(
      expect.objectContaining({ type: "approval.confirmed", data: { approvalId: id, status: "expired" } }),
    );
    const read = await getApproval(t, rich.token, id);
    expect(read.body.approval).toMatchObject({
      status: "expired",
      result: null,
      resolvedAt: req.body.approval.expiresAt,
    });
    expect(await eventsSince(rich.accountId, before + written.length)).toEqual([]);
    const late = await confirm(t, id, { paymentSource: "credits" });
    expect(late.status).toBe(409);
    expect(late.body.details).toMatchObject({ reason: "approval_not_pending", status: "expired" });
    // Same terms after expiry: a new approval.
    const next = await hire(t, rich.token, richJob.proposalIds[7]!, { milestone: { name: "late", amount: 31 } });
    expect(next.body.approval.id).not.toBe(id);
  });
});
