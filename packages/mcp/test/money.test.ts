import { describe, expect, it } from "vitest";
import { ToolContext, allTools, summarize } from "../src/index.js";
import { BASE_URL, call, connect, fakeFetch, tempConfigHome } from "./helpers.js";

/**
 * The money tools' text: what the agent reads first. Snapshots pin the wording; the explicit
 * expectations name what must never go missing (the link for the human, how to watch for the
 * outcome, dollars instead of cents).
 */

const tools = new Map(allTools().map((t) => [t.name, t]));
const info = (name: string, status = 200, params: Record<string, unknown> = {}) => ({
  tool: tools.get(name)!,
  params,
  ctx: new ToolContext({ env: {} }),
  status,
});

const approval = (type: string, extra: Record<string, unknown> = {}) => ({
  id: "apr_1",
  type,
  status: "pending",
  contractId: type === "proposal_hire" ? null : "ctr_1",
  milestoneId: type === "milestone_fund" || type === "milestone_approve" ? "ms_2" : null,
  jobId: "job_1",
  proposalId: type === "proposal_hire" ? "prop_1" : null,
  approvalUrl: `${BASE_URL}/approvals/apr_1`,
  expiresAt: "2026-03-04T09:00:00.000Z",
  resolvedAt: null,
  result: null,
  createdAt: "2026-03-01T09:00:00.000Z",
  ...extra,
});

const milestone = (id: string, n: number, status: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `Batch ${n}`,
  description: `Label batch ${n}`,
  status,
  amountUsd: 300,
  volume: 20,
  milestoneNumber: n,
  dueDate: null,
  pendingApproval: false,
  needsReview: false,
  invoiceId: status === "NOT_FUNDED" ? null : `inv_${n}`,
  createdAt: "2026-03-01T09:00:00.000Z",
  ...extra,
});

const contract = (extra: Record<string, unknown> = {}) => ({
  id: "ctr_1",
  status: "active",
  title: "German Audio Transcription",
  jobId: "job_1",
  proposalId: "prop_1",
  paymentType: "PAY_PER_HOUR",
  rateUsd: 15,
  estimatedTotalUsd: 1500,
  estimatedVolume: 100,
  hasActiveMilestone: true,
  startDate: "2026-03-01",
  endDate: null,
  createdAt: "2026-03-01T09:00:00.000Z",
  updatedAt: "2026-03-02T09:00:00.000Z",
  freelancer: { userId: "ftr_1", displayName: "Ana P.", country: "Germany", profilePath: "/freelancers/ftr_1" },
  milestones: [
    milestone("ms_1", 1, "ACTIVE_FUNDED", { pendingApproval: true }),
    milestone("ms_2", 2, "NOT_FUNDED", { amountUsd: 150, volume: 10 }),
  ],
  ...extra,
});

const budget = {
  contractId: "ctr_1",
  paymentType: "PAY_PER_HOUR",
  state: "LOW",
  fundedVolume: 20,
  fundedAmountUsd: 300,
  consumed: { seconds: 61200, hours: 17, labels: 0, tasks: 0 },
  consumedVolume: 17,
  remainingVolume: 3,
  consumedFraction: 0.85,
  activeMilestone: { id: "ms_1", name: "Batch 1", amountUsd: 300, volume: 20, status: "ACTIVE_FUNDED" },
  lastUsageAt: "2026-03-02T08:00:00.000Z",
};

const entry = (id: string, type: string, amountCents: number, extra: Record<string, unknown> = {}) => ({
  id,
  type,
  amountCents,
  createdAt: "2026-03-01T09:00:00.000Z",
  holdEntryId: null,
  jobofferId: null,
  contractId: null,
  milestoneId: null,
  topUpId: null,
  note: null,
  ...extra,
});

describe("co-sign requests", () => {
  it("hire: says nothing happened, hands the approvalUrl to the human and explains how to watch", () => {
    const text = summarize(
      { approval: approval("proposal_hire"), message: "A signed-in human must confirm this hire." },
      info("opentrain_hire_proposal", 202, { proposalId: "prop_1", milestone: { name: "Pilot", amount: 300 } }),
    );
    expect(text).toContain(`${BASE_URL}/approvals/apr_1`);
    expect(text).toContain('opentrain_get_approval with approvalId "apr_1"');
    expect(text).toContain("approval.confirmed");
    expect(text).toContain("data.status");
    expect(text).toContain("$300.00");
    expect(text).toMatchInlineSnapshot(`
      "The hire was REQUESTED, not executed: nothing happened and no money moved. Approval apr_1 (proposal_hire) is pending until a signed-in human confirms it.
      Hand this link to your human (a signed-in member of the account must open it; you cannot confirm it yourself): http://api.test/approvals/apr_1
      It expires at 2026-03-04T09:00:00.000Z; after that nothing happens and you must request again.
      Watch for the outcome: call opentrain_get_approval with approvalId "apr_1" until status is no longer "pending", or poll opentrain_poll_updates for an approval.confirmed event with data.approvalId "apr_1" and read data.status (confirmed, declined or expired: the event fires for every outcome despite its name).
      On the page the human reviews the trainer and the first milestone ($300.00), may edit it (their values win), picks card or credit balance, and confirms or declines. On confirm the contract starts and the milestone is funded: its amount into escrow plus a 10% marketplace fee and the $9.95 contract fee. result.contractId then names the contract: read it with opentrain_get_contract.
      Full response in structuredContent."
    `);
  });

  it("fund and release requests", () => {
    expect(
      summarize(
        { approval: approval("milestone_fund"), message: "Confirm the funding." },
        info("opentrain_request_milestone_funding", 202, { milestoneId: "ms_2" }),
      ),
    ).toMatchInlineSnapshot(`
      "The milestone funding was REQUESTED, not executed: nothing happened and no money moved. Approval apr_1 (milestone_fund) is pending until a signed-in human confirms it.
      Hand this link to your human (a signed-in member of the account must open it; you cannot confirm it yourself): http://api.test/approvals/apr_1
      It expires at 2026-03-04T09:00:00.000Z; after that nothing happens and you must request again.
      Watch for the outcome: call opentrain_get_approval with approvalId "apr_1" until status is no longer "pending", or poll opentrain_poll_updates for an approval.confirmed event with data.approvalId "apr_1" and read data.status (confirmed, declined or expired: the event fires for every outcome despite its name).
      On confirm the milestone amount plus the 10% marketplace fee is charged to the card or credit balance the human picks, and the milestone becomes ACTIVE_FUNDED (escrow).
      Full response in structuredContent."
    `);
    const release = summarize(
      { approval: approval("milestone_approve"), message: "Confirm the release." },
      info("opentrain_request_milestone_approval", 202, { milestoneId: "ms_2" }),
    );
    expect(release).toContain(`${BASE_URL}/approvals/apr_1`);
    expect(release).toContain("paid out to the trainer");
  });

  it("end contract: immediate end (200) or a pending approval (202)", () => {
    expect(
      summarize(
        { ok: true, contractId: "ctr_1", status: "ended" },
        info("opentrain_end_contract", 200, { contractId: "ctr_1" }),
      ),
    ).toMatchInlineSnapshot(`
      "Contract ctr_1 has ended (it had no funded milestones, so no approval was needed and no money moved).
      Next step: nothing more can change on it; read it with opentrain_get_contract if you need its history.
      Full response in structuredContent."
    `);
    const pending = summarize(
      { approval: approval("contract_end"), message: "Confirm ending." },
      info("opentrain_end_contract", 202, { contractId: "ctr_1" }),
    );
    expect(pending).toContain("The contract end was REQUESTED, not executed");
    expect(pending).toContain(`${BASE_URL}/approvals/apr_1`);
  });
});

describe("opentrain_get_approval", () => {
  const get = (a: Record<string, unknown>) => summarize({ approval: a }, info("opentrain_get_approval"));

  it("pending: remind the human of the link, and how to watch", () => {
    const text = get(approval("milestone_fund"));
    expect(text).toContain(`${BASE_URL}/approvals/apr_1`);
    expect(text).toMatchInlineSnapshot(`
      "Approval apr_1 (milestone funding, milestone_fund) is still pending: the human has not decided yet and nothing has happened.
      Remind your human to open http://api.test/approvals/apr_1 (signed in) before 2026-03-04T09:00:00.000Z.
      Watch for the outcome: call opentrain_get_approval with approvalId "apr_1" until status is no longer "pending", or poll opentrain_poll_updates for an approval.confirmed event with data.approvalId "apr_1" and read data.status (confirmed, declined or expired: the event fires for every outcome despite its name).
      Full response in structuredContent."
    `);
  });

  it("confirmed: what it did, per type", () => {
    const resolved = { status: "confirmed", resolvedAt: "2026-03-01T10:00:00.000Z" };
    expect(
      get(
        approval("proposal_hire", {
          ...resolved,
          result: { hired: true, contractId: "ctr_1", jobId: "job_1", freelancerUserId: "ftr_1" },
        }),
      ),
    ).toMatchInlineSnapshot(`
      "Approval apr_1 (hire, proposal_hire) was CONFIRMED by the human at 2026-03-01T10:00:00.000Z; the action has executed.
      Hired: contract ctr_1 (job job_1, trainer ftr_1); the first milestone is funded in escrow.
      Next step: read it with opentrain_get_contract (contractId "ctr_1").
      Full response in structuredContent."
    `);
    expect(
      get(approval("milestone_fund", { ...resolved, result: { invoiceId: "inv_2", paymentIntentId: null } })),
    ).toContain("Funded: milestone ms_2 is in escrow (invoice inv_2).");
    expect(
      get(approval("milestone_approve", { ...resolved, result: { invoiceId: "inv_2", payoutTransactionId: "po_1" } })),
    ).toContain("Released: milestone ms_2 is paid out to the trainer (invoice inv_2, payout po_1).");
    expect(get(approval("contract_end", { ...resolved, result: { contractEnded: true } }))).toContain(
      "Ended: contract ctr_1 is over.",
    );
  });

  it("declined and expired: nothing happened, and how to ask again", () => {
    expect(get(approval("milestone_fund", { status: "declined", resolvedAt: "2026-03-01T10:00:00.000Z" })))
      .toMatchInlineSnapshot(`
      "Approval apr_1 (milestone funding, milestone_fund) was DECLINED by the human at 2026-03-01T10:00:00.000Z; nothing happened and no money moved.
      Next step: ask your human why before requesting again with opentrain_request_milestone_funding (milestoneId "ms_2").
      Full response in structuredContent."
    `);
    expect(get(approval("proposal_hire", { status: "expired", resolvedAt: "2026-03-04T09:00:00.000Z" })))
      .toMatchInlineSnapshot(`
      "Approval apr_1 (hire, proposal_hire) EXPIRED at 2026-03-04T09:00:00.000Z without a decision; nothing happened and no money moved.
      Next step: if it is still wanted, request again with opentrain_hire_proposal (proposalId "prop_1", with the milestone terms) and hand the new link to your human.
      Full response in structuredContent."
    `);
  });
});

describe("a superseded hire request", () => {
  it("points at the approval that replaced it", () => {
    const text = summarize(
      { approval: approval("proposal_hire", { status: "expired", resolvedAt: "t", supersededBy: "apr_2" }) },
      info("opentrain_get_approval"),
    );
    expect(text).toContain("was REPLACED by approval apr_2");
    expect(text).toContain('opentrain_get_approval (approvalId "apr_2")');
  });
});

describe("contracts and milestones", () => {
  it("get_contract: milestones, escrow in dollars, budget state and the next step", () => {
    const text = summarize(
      { contract: { ...contract(), jobDmConversationId: "conv_9", budget } },
      info("opentrain_get_contract"),
    );
    expect(text).toContain("$300.00 in escrow");
    expect(text).toContain("Budget: LOW");
    expect(text).toMatchInlineSnapshot(`
      "Contract ctr_1 — active — "German Audio Transcription" — trainer Ana P. (ftr_1) — $15.00/h.
      Job job_1, proposal prop_1; started 2026-03-01.
      Post-hire conversation: conv_9 (opentrain_read_messages / opentrain_send_message).
      Milestones (2; $300.00 in escrow):
        #1 Batch 1 — $300.00 — ACTIVE_FUNDED — 20 h — trainer requested payout — milestone ms_1
        #2 Batch 2 — $150.00 — NOT_FUNDED — 10 h — milestone ms_2
      Budget: LOW — funded $300.00 (20 h), consumed 17 h (85%), remaining 3 h.
      80% or more of the funded volume is used: consider funding the next milestone.
      Next step: the trainer requested payout for milestone ms_1: if the work is accepted, request the release with opentrain_request_milestone_approval (milestoneId "ms_1").
      Full response in structuredContent."
    `);
  });

  it("get_contract: a fixed-price contract never depletes; an ended one has no next step", () => {
    const fixed = contract({
      status: "ended",
      endDate: "2026-03-09",
      paymentType: "FIXED_PRICE",
      rateUsd: 500,
      milestones: [milestone("ms_1", 1, "PAID", { amountUsd: 500, volume: null })],
    });
    const text = summarize(
      {
        contract: {
          ...fixed,
          jobDmConversationId: null,
          budget: { ...budget, paymentType: "FIXED_PRICE", state: "OK", fundedAmountUsd: 0, activeMilestone: null },
        },
      },
      info("opentrain_get_contract"),
    );
    expect(text).toMatchInlineSnapshot(`
      "Contract ctr_1 — ended — "German Audio Transcription" — trainer Ana P. (ftr_1) — $500.00 fixed price.
      Job job_1, proposal prop_1; started 2026-03-01, ended 2026-03-09.
      Milestones (1; $0.00 in escrow):
        #1 Batch 1 — $500.00 — PAID — milestone ms_1
      Budget: OK (fixed price: usage never depletes it); funded $0.00.
      Next step: the contract has ended; nothing more can change on it.
      Full response in structuredContent."
    `);
  });

  it("list_contracts and create_milestone", () => {
    expect(summarize({ contracts: [contract()] }, info("opentrain_list_contracts"))).toMatchInlineSnapshot(`
      "1 contract, newest first:
      1. Contract ctr_1 — active — "German Audio Transcription" — trainer Ana P. (ftr_1) — $15.00/h
         #1 Batch 1 — $300.00 — ACTIVE_FUNDED — 20 h — trainer requested payout — milestone ms_1
         #2 Batch 2 — $150.00 — NOT_FUNDED — 10 h — milestone ms_2
      Next step: read one with opentrain_get_contract (contractId "ctr_1") for its budget state.
      Full response in structuredContent."
    `);
    expect(summarize({ contracts: [] }, info("opentrain_list_contracts"))).toContain("No contracts yet");
    expect(
      summarize(
        { milestone: milestone("ms_3", 3, "NOT_FUNDED", { amountUsd: 187.5, volume: 12.5 }) },
        info("opentrain_create_milestone", 201, { contractId: "ctr_1" }),
      ),
    ).toMatchInlineSnapshot(`
      "Created milestone ms_3 (#3) on contract ctr_1: Batch 3 — $187.50 — volume 12.5 — NOT_FUNDED. No money moved.
      Next step: request escrow funding with opentrain_request_milestone_funding (milestoneId "ms_3"); a human confirms it.
      Full response in structuredContent."
    `);
  });
});

describe("credits and payments", () => {
  it("get_credits shows dollars, never cents", () => {
    const text = summarize(
      {
        credits: {
          availableCents: 40000,
          reservedCents: 12345,
          currency: "usd",
          recentEntries: [
            entry("le_2", "HOLD", -33995, { jobofferId: "prop_1", contractId: "ctr_1", milestoneId: "ms_1" }),
            entry("le_1", "TOP_UP", 50000, { topUpId: "tu_1" }),
          ],
        },
      },
      info("opentrain_get_credits"),
    );
    expect(text).toContain("$400.00 available, $123.45 reserved");
    expect(text).not.toContain("40000");
    expect(text).toMatchInlineSnapshot(`
      "Credit balance: $400.00 available, $123.45 reserved in escrow holds ($523.45 total).
      Latest 2 ledger entries (amount = effect on the available balance; CAPTURE: on the reserved balance):
        2026-03-01T09:00:00.000Z HOLD -$339.95 (milestone ms_1, contract ctr_1, proposal prop_1) — entry le_2
        2026-03-01T09:00:00.000Z TOP_UP +$500.00 (top-up tu_1) — entry le_1
      Next step: to add credits call opentrain_create_credit_top_up and hand its checkoutUrl to your human; page the full ledger with opentrain_list_credit_ledger.
      Full response in structuredContent."
    `);
  });

  it("list_credit_ledger pages with the cursor", () => {
    expect(
      summarize(
        {
          entries: [entry("le_3", "CAPTURE", 0, { milestoneId: "ms_1", contractId: "ctr_1", holdEntryId: "le_2" })],
          nextCursor: "c_2",
        },
        info("opentrain_list_credit_ledger"),
      ),
    ).toMatchInlineSnapshot(`
      "1 ledger entry, newest first (amount = effect on the available balance; CAPTURE: on the reserved balance):
        2026-03-01T09:00:00.000Z CAPTURE $0.00 (milestone ms_1, contract ctr_1) — entry le_3
      Older entries: call again with cursor "c_2".
      Full response in structuredContent."
    `);
  });

  it("create_credit_top_up relays the checkoutUrl; get_credit_top_up explains each status", () => {
    const topUp = {
      id: "tu_1",
      status: "PENDING",
      amountCents: 50000,
      createdAt: "2026-03-01T09:00:00.000Z",
      completedAt: null,
      expiresAt: "2026-03-02T09:00:00.000Z",
    };
    const created = summarize(
      {
        topUpId: "tu_1",
        checkoutUrl: `${BASE_URL}/checkout/tu_1`,
        expiresAt: topUp.expiresAt,
        topUp,
        message: "A signed-in human pays at the checkout URL.",
      },
      info("opentrain_create_credit_top_up", 201),
    );
    expect(created).toContain(`${BASE_URL}/checkout/tu_1`);
    expect(created).toMatchInlineSnapshot(`
      "Top-up tu_1 for $500.00 created (PENDING): nothing is charged until your human pays it.
      Hand this checkout link to your human (they pay it signed in): http://api.test/checkout/tu_1
      It expires at 2026-03-02T09:00:00.000Z.
      Watch for the payment: call opentrain_get_credit_top_up with topUpId "tu_1" until status is COMPLETED; the credits then show in opentrain_get_credits.
      Full response in structuredContent."
    `);
    const get = (t: Record<string, unknown>) => summarize({ topUp: t }, info("opentrain_get_credit_top_up"));
    expect(get(topUp)).toContain("is PENDING");
    expect(get({ ...topUp, status: "COMPLETED", completedAt: "2026-03-01T09:05:00.000Z" })).toContain(
      "Top-up tu_1 for $500.00 is COMPLETED",
    );
    expect(get({ ...topUp, status: "EXPIRED" })).toContain("opentrain_create_credit_top_up");
  });

  it("list_pending_payments", () => {
    expect(
      summarize(
        {
          payments: [
            {
              id: "inv_2",
              status: "PENDING_FUNDING",
              invoiceKind: "FUNDING",
              viewerRole: "EMPLOYER",
              amountUsd: 165,
              createdAt: "2026-03-01T09:00:00.000Z",
              invoiceNumber: null,
              job: { id: "job_1", title: "German Audio Transcription" },
              milestone: { id: "ms_2", name: "Batch 2" },
            },
          ],
        },
        info("opentrain_list_pending_payments"),
      ),
    ).toMatchInlineSnapshot(`
      "1 pending payment (read-only; nothing is released by this call):
        PENDING_FUNDING FUNDING $165.00 — job "German Audio Transcription" (job_1) — milestone Batch 2 (ms_2) — invoice inv_2
      Next step: see each milestone's state with opentrain_get_contract; approvals are tracked with opentrain_get_approval.
      Full response in structuredContent."
    `);
    expect(summarize({ payments: [] }, info("opentrain_list_pending_payments"))).toContain("No pending payments.");
  });
});

describe("money errors over the MCP protocol", () => {
  async function callWith(
    name: string,
    args: Record<string, unknown>,
    route: string,
    reply: { status: number; body: unknown },
  ) {
    const home = tempConfigHome();
    const f = fakeFetch({ [route]: reply });
    const { client, close } = await connect({
      env: { XDG_CONFIG_HOME: home.dir, OPENTRAIN_API_BASE_URL: BASE_URL, OPENTRAIN_PERSONAL_API_TOKEN: "ot_pat_x" },
      fetch: f.fetch,
    });
    try {
      return await call(client, name, args);
    } finally {
      await close();
      home.cleanup();
    }
  }

  it("409 payment_method_required relays the billingUrl and the top-up alternative", async () => {
    const r = await callWith(
      "opentrain_hire_proposal",
      { proposalId: "prop_1", milestone: { name: "Pilot", amount: 300 } },
      "POST /api/public/v1/proposals/prop_1/hire",
      {
        status: 409,
        body: {
          error: "Add a payment method or buy credits first.",
          code: "CONFLICT",
          requestId: "req_1",
          details: { reason: "payment_method_required", billingUrl: `${BASE_URL}/settings/billing` },
        },
      },
    );
    expect(r.isError).toBe(true);
    expect(r.text).toContain(`Billing page for your human: ${BASE_URL}/settings/billing`);
    expect(r.text).toContain("opentrain_create_credit_top_up");
    expect(r.text).toMatchInlineSnapshot(`
      "409 CONFLICT: Add a payment method or buy credits first.
      The account has no payment method and its credit balance does not cover this. Nothing was requested.
      Billing page for your human: http://api.test/settings/billing
      Details: {"reason":"payment_method_required","billingUrl":"http://api.test/settings/billing"}
      Request id: req_1
      Next step: Hand your human the billing link (http://api.test/settings/billing) to add a card, or buy credits: call opentrain_create_credit_top_up and hand them its checkoutUrl. When that is done, call this tool again."
    `);
  });

  it("403 for payments:write says agent tokens never carry it", async () => {
    const r = await callWith(
      "opentrain_create_credit_top_up",
      { amountUsd: 50 },
      "POST /api/public/v1/credits/top-ups",
      {
        status: 403,
        body: {
          error: "Token lacks payments:write",
          code: "FORBIDDEN",
          requestId: "req_2",
          details: { reason: "insufficient_scope", requiredScopes: ["payments:write"] },
        },
      },
    );
    expect(r.isError).toBe(true);
    expect(r.text).toContain("Agent tokens never carry payments:write");
    expect(r.text).toContain("Settings → API keys");
  });

  it("409 milestone_not_funded points at the funding tool", async () => {
    const r = await callWith(
      "opentrain_request_milestone_approval",
      { milestoneId: "ms_2" },
      "POST /api/public/v1/milestones/ms_2/approve",
      {
        status: 409,
        body: {
          error: "Milestone is not funded",
          code: "CONFLICT",
          requestId: "req_3",
          details: { reason: "milestone_not_funded", milestoneId: "ms_2" },
        },
      },
    );
    expect(r.text).toContain('Next step: Fund it first with opentrain_request_milestone_funding (milestoneId "ms_2").');
  });
});
