import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli, stubApi, tempConfig } from "./helpers.js";

/**
 * The money commands against a stub API: requests they send, dollars in the human output, the
 * approval link printed where a person sees it, exit codes of `approvals get` (0 confirmed,
 * 10 pending, 11 declined or expired) and `--json` passing the API body through.
 */

const BASE = "http://api.test";
let cfg: ReturnType<typeof tempConfig>;
let env: Record<string, string>;

beforeEach(() => {
  cfg = tempConfig();
  env = { ...cfg.env, OT_API_BASE_URL: BASE, OT_API_TOKEN: "ot_pat_test" };
});
afterEach(() => cfg.cleanup());

const approval = (type: string, extra: Record<string, unknown> = {}) => ({
  id: "apr_1",
  type,
  status: "pending",
  contractId: type === "proposal_hire" ? null : "ctr_1",
  milestoneId: type.startsWith("milestone") ? "ms_2" : null,
  jobId: "job_1",
  proposalId: type === "proposal_hire" ? "prop_1" : null,
  approvalUrl: `${BASE}/approvals/apr_1`,
  expiresAt: "2026-03-04T09:00:00.000Z",
  resolvedAt: null,
  result: null,
  createdAt: "2026-03-01T09:00:00.000Z",
  ...extra,
});
const coSign = (type: string) => ({ approval: approval(type), message: "A signed-in human must confirm it." });

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
  invoiceId: null,
  createdAt: "2026-03-01T09:00:00.000Z",
  ...extra,
});

const CONTRACT = {
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
  updatedAt: "2026-03-01T09:00:00.000Z",
  freelancer: { userId: "ftr_1", displayName: "Ana P.", country: "Germany", profilePath: "/freelancers/ftr_1" },
  milestones: [
    milestone("ms_1", 1, "ACTIVE_FUNDED", { pendingApproval: true }),
    milestone("ms_2", 2, "NOT_FUNDED", { amountUsd: 1234.5, volume: 82.3 }),
  ],
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

/** A virtual clock for --wait: sleeping moves it forward. */
function clock() {
  let t = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
  };
}

describe("proposals hire", () => {
  it("sends the first milestone and prints the approval link on a line of its own", async () => {
    const f = stubApi({ "POST /proposals/prop_1/hire": { status: 202, body: coSign("proposal_hire") } });
    const r = await runCli(
      ["proposals", "hire", "prop_1", "--amount", "$1,250.50", "--name", "Pilot batch", "--due-date", "2026-07-01"],
      { env, fetch: f.fetch },
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(f.requests[0]!.body!)).toEqual({
      milestone: { amount: 1250.5, name: "Pilot batch", dueDate: "2026-07-01" },
    });
    expect(r.stdout.split("\n")).toContain(`  ${BASE}/approvals/apr_1`);
    expect(r.stdout).toMatchInlineSnapshot(`
      "Hire requested for proposal prop_1.
      A signed-in human must confirm it in the OpenTrain app; nothing happens and no money moves until then:

        http://api.test/approvals/apr_1

      Approval:         apr_1 (hire, pending)
      Job:              job_1
      First milestone:  Pilot batch: $1,250.50, due 2026-07-01
      On confirm:       $1,250.50 into escrow + 10% marketplace fee + $9.95 contract fee, by card or credits as the human picks (they may edit the milestone)
      Expires:          2026-03-04T09:00:00.000Z (unconfirmed approvals expire after ~72 h)

      Wait for the decision: opentrain approvals get apr_1 --wait
      "
    `);
  });

  it("--milestone JSON and --confirm-not-fit-override; single flags win over the JSON", async () => {
    const f = stubApi({ "POST /proposals/prop_1/hire": { status: 202, body: coSign("proposal_hire") } });
    const r = await runCli(
      [
        "--json",
        "proposals",
        "hire",
        "--proposal-id",
        "prop_1",
        "--milestone",
        '{"description":"All 200 hours","amount":100}',
        "--amount-usd",
        "300",
        "--confirm-not-fit-override",
      ],
      { env, fetch: f.fetch },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(coSign("proposal_hire"));
    expect(JSON.parse(f.requests[0]!.body!)).toEqual({
      milestone: { description: "All 200 hours", amount: 300 },
      confirmNotFitOverride: true,
    });
  });

  it("usage errors name the missing milestone fields and send nothing", async () => {
    const f = stubApi({});
    const noAmount = await runCli(["proposals", "hire", "prop_1", "--name", "x"], { env, fetch: f.fetch });
    expect(noAmount.code).toBe(2);
    expect(noAmount.stderr).toContain("missing required flag --amount <usd>");
    const noName = await runCli(["proposals", "hire", "prop_1", "--amount", "300"], { env, fetch: f.fetch });
    expect(noName.code).toBe(2);
    expect(noName.stderr).toContain("--name or a --description");
    const bad = await runCli(["proposals", "hire", "prop_1", "--amount", "-5", "--name", "x"], {
      env,
      fetch: f.fetch,
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--amount must be a positive amount in USD");
    expect(f.requests).toHaveLength(0);
  });

  it("409 payment_method_required prints the billing link and the credits alternative (exit 7)", async () => {
    const f = stubApi({
      "POST /proposals/prop_1/hire": {
        status: 409,
        body: {
          error: "Add a payment method or buy credits.",
          code: "CONFLICT",
          requestId: "req_1",
          details: { reason: "payment_method_required", billingUrl: `${BASE}/settings/billing` },
        },
      },
    });
    const r = await runCli(["proposals", "hire", "prop_1", "--amount", "300", "--name", "Pilot"], {
      env,
      fetch: f.fetch,
    });
    expect(r.code).toBe(7);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatchInlineSnapshot(`
      "Error (409 CONFLICT): Add a payment method or buy credits.
      Details: {"reason":"payment_method_required","billingUrl":"http://api.test/settings/billing"}
      The account has no payment method and its credit balance does not cover this.
      A human can add a card at: http://api.test/settings/billing
      Or buy credits: opentrain credits top-up <usd> (a human pays the checkout link).
      Then run this command again.
      "
    `);
  });

  it("403 for payments:write explains that agent tokens never carry it", async () => {
    const f = stubApi({
      "POST /credits/top-ups": {
        status: 403,
        body: {
          error: "Missing scope",
          code: "FORBIDDEN",
          requestId: "r",
          details: { reason: "insufficient_scope", requiredScopes: ["payments:write"] },
        },
      },
    });
    const r = await runCli(["credits", "top-up", "50"], { env, fetch: f.fetch });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain("Agent tokens never carry payments:write");
  });
});

describe("approvals get", () => {
  it("pending: the link, how to wait, exit 10", async () => {
    const f = stubApi({ "GET /approvals/apr_1": { status: 200, body: { approval: approval("milestone_fund") } } });
    const r = await runCli(["approvals", "get", "apr_1"], { env, fetch: f.fetch });
    expect(r.code).toBe(10);
    expect(r.stdout).toMatchInlineSnapshot(`
      "Approval:   apr_1 (milestone funding)
      Status:     pending
      Job:        job_1
      Contract:   ctr_1
      Milestone:  ms_2
      Requested:  2026-03-01T09:00:00.000Z
      Expires:    2026-03-04T09:00:00.000Z

      Waiting for a human: a signed-in member of the account must confirm this in the OpenTrain app. No money moves until then.

        http://api.test/approvals/apr_1

      Wait for the decision: opentrain approvals get apr_1 --wait
      "
    `);
  });

  it("confirmed hire: the contract and the next command, exit 0; --json is the API body", async () => {
    const body = {
      approval: approval("proposal_hire", {
        status: "confirmed",
        resolvedAt: "2026-03-01T10:00:00.000Z",
        result: { hired: true, contractId: "ctr_1", jobId: "job_1", freelancerUserId: "ftr_1" },
      }),
    };
    const f = stubApi({ "GET /approvals/apr_1": { status: 200, body } });
    const r = await runCli(["approvals", "get", "apr_1"], { env, fetch: f.fetch });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Hired: contract ctr_1 with trainer ftr_1");
    expect(r.stdout).toContain("Next step: opentrain contracts get ctr_1");
    const json = await runCli(["--json", "approvals", "get", "apr_1"], { env, fetch: f.fetch });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(body);
  });

  it("expired and declined: exit 11 with the command to ask again", async () => {
    const expired = stubApi({
      "GET /approvals/apr_1": {
        status: 200,
        body: { approval: approval("milestone_fund", { status: "expired", resolvedAt: "2026-03-04T09:00:00.000Z" }) },
      },
    });
    const r = await runCli(["approvals", "get", "apr_1"], { env, fetch: expired.fetch });
    expect(r.code).toBe(11);
    expect(r.stdout).toMatch(/^Status: +expired$/m);
    expect(r.stdout).toContain("To ask again (a new approval and link): opentrain milestones fund ms_2");
    const declined = stubApi({
      "GET /approvals/apr_1": {
        status: 200,
        body: { approval: approval("contract_end", { status: "declined", resolvedAt: "2026-03-02T09:00:00.000Z" }) },
      },
    });
    const d = await runCli(["approvals", "get", "apr_1"], { env, fetch: declined.fetch });
    expect(d.code).toBe(11);
    expect(d.stdout).toContain("The human declined it; nothing happened and no money moved.");
    expect(d.stdout).toContain("opentrain contracts end ctr_1");
  });

  it("a superseded hire request names the approval that replaced it", async () => {
    const f = stubApi({
      "GET /approvals/apr_1": {
        status: 200,
        body: { approval: approval("proposal_hire", { status: "expired", resolvedAt: "t", supersededBy: "apr_2" }) },
      },
    });
    const r = await runCli(["approvals", "get", "apr_1"], { env, fetch: f.fetch });
    expect(r.code).toBe(11);
    expect(r.stdout).toContain("approval apr_2 is the live one");
    expect(r.stdout).toContain("Follow it with: opentrain approvals get apr_2");
  });

  it("--wait polls at --interval until the human decides, riding out a rate limit", async () => {
    const answers: Reply[] = [
      { status: 200, body: { approval: approval("milestone_approve") } },
      {
        status: 429,
        body: { error: "Slow down", code: "RATE_LIMITED", requestId: "r", details: { retryAfterSeconds: 30 } },
      },
      { status: 200, body: { approval: approval("milestone_approve") } },
      {
        status: 200,
        body: {
          approval: approval("milestone_approve", {
            status: "confirmed",
            resolvedAt: "2026-03-01T10:00:00.000Z",
            result: { invoiceId: "inv_2", payoutTransactionId: "po_1" },
          }),
        },
      },
    ];
    const f = stubApi({ "GET /approvals/apr_1": () => answers.shift()! });
    const c = clock();
    const r = await runCli(["approvals", "get", "apr_1", "--wait", "--interval", "2"], {
      env,
      fetch: f.fetch,
      sleep: c.sleep,
      now: c.now,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(f.requests).toHaveLength(4);
    expect(c.sleeps).toEqual([2000, 30_000, 2000]); // the 429 asked for 30 s
    expect(r.stderr).toContain(
      `Waiting for a signed-in human to confirm the milestone payment release at ${BASE}/approvals/apr_1`,
    );
    expect(r.stdout).toContain("Released: milestone ms_2 is paid out to the trainer (payout po_1).");
  });

  it("--wait ends with 11 as soon as it expires, and with 10 when --timeout passes first", async () => {
    const seq = [approval("proposal_hire"), approval("proposal_hire", { status: "expired" })];
    const f = stubApi({ "GET /approvals/apr_1": () => ({ status: 200, body: { approval: seq.shift() } }) });
    const c = clock();
    const expired = await runCli(["approvals", "get", "apr_1", "--wait"], { env, fetch: f.fetch, ...c });
    expect(expired.code).toBe(11);
    expect(expired.stdout).toContain("opentrain proposals hire prop_1 --amount <usd> --name <name>");

    const pending = stubApi({ "GET /approvals/apr_1": { status: 200, body: { approval: approval("proposal_hire") } } });
    const c2 = clock();
    const r = await runCli(["approvals", "get", "apr_1", "--wait", "--timeout", "12", "--interval", "5"], {
      env,
      fetch: pending.fetch,
      ...c2,
    });
    expect(r.code).toBe(10);
    expect(pending.requests).toHaveLength(3); // at 0 s, 5 s and 10 s; the next check would pass 12 s
    expect(r.stdout).toContain(`  ${BASE}/approvals/apr_1`);
    expect(r.stderr).toContain("Timed out after 12 s: the approval is still pending.");
  });

  it("a 404 while waiting ends the wait with exit 5", async () => {
    const f = stubApi({
      "GET /approvals/apr_x": {
        status: 404,
        body: { error: "No such approval", code: "NOT_FOUND", requestId: "r", details: { resource: "approvals" } },
      },
    });
    const r = await runCli(["approvals", "get", "apr_x", "--wait"], { env, fetch: f.fetch, ...clock() });
    expect(r.code).toBe(5);
    const bad = await runCli(["approvals", "get", "apr_x", "--wait", "--timeout", "0"], { env, fetch: f.fetch });
    expect(bad.code).toBe(2);
  });
});

describe("contracts", () => {
  it("list: one row per contract, piped as tab-separated values", async () => {
    const f = stubApi({ "GET /contracts": { status: 200, body: { contracts: [CONTRACT] } } });
    const r = await runCli(["contracts", "list", "--status", "active"], { env, fetch: f.fetch });
    expect(r.code, r.stderr).toBe(0);
    expect(f.requests[0]!.url.searchParams.get("status")).toBe("active");
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("ID\tTRAINER\tTITLE\tSTATUS\tRATE\tMILESTONES\tSTARTED");
    expect(lines[1]).toBe(
      "ctr_1\tAna P.\tGerman Audio Transcription\tactive\t$15.00/h\t2 (1 ACTIVE_FUNDED, 1 NOT_FUNDED)\t2026-03-01",
    );
  });

  it("get: milestones and budget in dollars, and the next step", async () => {
    const f = stubApi({
      "GET /contracts/ctr_1": {
        status: 200,
        body: {
          contract: {
            ...CONTRACT,
            jobDmConversationId: "conv_9",
            budget: {
              contractId: "ctr_1",
              paymentType: "PAY_PER_HOUR",
              state: "DEPLETED",
              fundedVolume: 20,
              fundedAmountUsd: 300,
              consumed: { seconds: 72000, hours: 20, labels: 0, tasks: 0 },
              consumedVolume: 20,
              remainingVolume: 0,
              consumedFraction: 1,
              activeMilestone: { id: "ms_1", name: "Batch 1", amountUsd: 300, volume: 20, status: "ACTIVE_FUNDED" },
              lastUsageAt: null,
            },
          },
        },
      },
    });
    const r = await runCli(["contracts", "get", "ctr_1"], { env, fetch: f.fetch });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatchInlineSnapshot(`
      "Contract:      ctr_1 (active)
      Title:         German Audio Transcription
      Job:           job_1
      Proposal:      prop_1
      Trainer:       Ana P. (ftr_1), Germany
      Pay:           $15.00/h (PAY_PER_HOUR)
      Estimate:      $1,500.00, 100 h
      Started:       2026-03-01
      Conversation:  conv_9 (opentrain messages read conv_9)

      Milestones (2, $300.00 in escrow):
      #	NAME	STATUS	AMOUNT	VOLUME	DUE	ID
      1	Batch 1	ACTIVE_FUNDED (payout requested)	$300.00	20 h	-	ms_1
      2	Batch 2	NOT_FUNDED	$1,234.50	82.3 h	-	ms_2

      Budget: DEPLETED (the funded volume is used up: fund another milestone)
        Funded:            $300.00 (20 h)
        Consumed:          20 h (100%)
        Remaining:         0 h
        Active milestone:  Batch 1 $300.00 ACTIVE_FUNDED
        Last usage:        -

      Next step: the trainer requested payout for milestone ms_1: release it with opentrain milestones approve ms_1
      "
    `);
  });

  it("end: immediate (200) or a pending approval (202)", async () => {
    const now = stubApi({
      "POST /contracts/ctr_1/end": { status: 200, body: { ok: true, contractId: "ctr_1", status: "ended" } },
    });
    const a = await runCli(["contracts", "end", "ctr_1"], { env, fetch: now.fetch });
    expect(a.code).toBe(0);
    expect(a.stdout).toBe("Contract ctr_1 ended (no funded milestones, so no approval was needed).\n");
    const later = stubApi({ "POST /contracts/ctr_1/end": { status: 202, body: coSign("contract_end") } });
    const b = await runCli(["contracts", "end", "ctr_1"], { env, fetch: later.fetch });
    expect(b.code).toBe(0);
    expect(b.stdout).toContain("Ending contract ctr_1 needs a human: it has funded escrow at stake.");
    expect(b.stdout.split("\n")).toContain(`  ${BASE}/approvals/apr_1`);
  });
});

describe("milestones", () => {
  it("create sends the fields and says no money moved", async () => {
    const f = stubApi({
      "POST /contracts/ctr_1/milestones": {
        status: 201,
        body: { milestone: milestone("ms_3", 3, "NOT_FUNDED", { amountUsd: 150, volume: 10, name: null }) },
      },
    });
    const r = await runCli(["milestones", "create", "ctr_1", "--description", "Label batch 3", "--volume", "10"], {
      env,
      fetch: f.fetch,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(f.requests[0]!.body!)).toEqual({ description: "Label batch 3", volume: 10 });
    expect(r.stdout).toMatchInlineSnapshot(`
      "Created milestone ms_3 (#3) on contract ctr_1: NOT_FUNDED, no money moved.
      Description:  Label batch 3
      Amount:       $150.00
      Volume:       10
      Next step: opentrain milestones fund ms_3 (a human confirms the funding)
      "
    `);
  });

  it("fund and approve print the approval link", async () => {
    const f = stubApi({
      "POST /milestones/ms_2/fund": { status: 202, body: coSign("milestone_fund") },
      "POST /milestones/ms_2/approve": { status: 202, body: coSign("milestone_approve") },
    });
    const fund = await runCli(["milestones", "fund", "ms_2"], { env, fetch: f.fetch });
    expect(fund.code).toBe(0);
    expect(fund.stdout).toContain("Funding requested for milestone ms_2.");
    expect(fund.stdout.split("\n")).toContain(`  ${BASE}/approvals/apr_1`);
    const approve = await runCli(["milestones", "approve", "ms_2"], { env, fetch: f.fetch });
    expect(approve.stdout).toContain("Payment release requested for milestone ms_2.");
    expect(approve.stdout).toContain("Wait for the decision: opentrain approvals get apr_1 --wait");
  });

  it("409 milestone_not_funded names the fund command", async () => {
    const f = stubApi({
      "POST /milestones/ms_2/approve": {
        status: 409,
        body: {
          error: "Not funded",
          code: "CONFLICT",
          requestId: "r",
          details: { reason: "milestone_not_funded", milestoneId: "ms_2" },
        },
      },
    });
    const r = await runCli(["milestones", "approve", "ms_2"], { env, fetch: f.fetch });
    expect(r.code).toBe(7);
    expect(r.stderr).toContain("The milestone is not funded yet: opentrain milestones fund ms_2");
  });
});

describe("credits and payments", () => {
  it("show: dollars, never cents", async () => {
    const f = stubApi({
      "GET /credits": {
        status: 200,
        body: {
          credits: {
            availableCents: 1_234_567,
            reservedCents: 33_000,
            currency: "usd",
            recentEntries: [
              entry("le_2", "HOLD", -33_995, { milestoneId: "ms_1", contractId: "ctr_1", jobofferId: "prop_1" }),
              entry("le_1", "TOP_UP", 1_268_562, { topUpId: "tu_1" }),
            ],
          },
        },
      },
    });
    const r = await runCli(["credits", "show"], { env, fetch: f.fetch });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatchInlineSnapshot(`
      "Available:  $12,345.67
      Reserved:   $330.00 (escrow holds)
      Total:      $12,675.67

      Recent entries (newest first; all of them: opentrain credits ledger):
      CREATED	TYPE	AMOUNT	LINKED TO	NOTE	ID
      2026-03-01T09:00:00.000Z	HOLD	-$339.95	milestone ms_1, contract ctr_1, proposal prop_1	-	le_2
      2026-03-01T09:00:00.000Z	TOP_UP	+$12,685.62	top-up tu_1	-	le_1
      "
    `);
  });

  it("ledger: the table and the command for older entries", async () => {
    const f = stubApi({
      "GET /credits/ledger": {
        status: 200,
        body: { entries: [entry("le_9", "ADJUSTMENT", -5, { note: "rounding" })], nextCursor: "c_2" },
      },
    });
    const r = await runCli(["credits", "ledger", "--limit", "1"], { env, fetch: f.fetch });
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[1]).toBe("2026-03-01T09:00:00.000Z\tADJUSTMENT\t-$0.05\t-\trounding\tle_9");
    expect(r.stdout).toContain("Older entries: opentrain credits ledger --limit 1 --cursor c_2");
  });

  it("top-up prints the checkout link; top-up-status explains the status", async () => {
    const topUp = {
      id: "tu_1",
      status: "PENDING",
      amountCents: 5000,
      createdAt: "2026-03-01T09:00:00.000Z",
      completedAt: null,
      expiresAt: "2026-03-02T09:00:00.000Z",
    };
    const f = stubApi({
      "POST /credits/top-ups": {
        status: 201,
        body: {
          topUpId: "tu_1",
          checkoutUrl: `${BASE}/checkout/tu_1`,
          expiresAt: topUp.expiresAt,
          topUp,
          message: "Pay.",
        },
      },
      "GET /credits/top-ups/tu_1": {
        status: 200,
        body: { topUp: { ...topUp, status: "COMPLETED", completedAt: "t2" } },
      },
    });
    const r = await runCli(["credits", "top-up", "50"], { env, fetch: f.fetch });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(f.requests[0]!.body!)).toEqual({ amountUsd: 50 });
    expect(r.stdout).toMatchInlineSnapshot(`
      "Top-up tu_1 for $50.00 created: nothing is charged until a human pays it.
      A signed-in human pays it on the checkout page:

        http://api.test/checkout/tu_1

      Status:   PENDING
      Expires:  2026-03-02T09:00:00.000Z
      Then check: opentrain credits top-up-status tu_1
      "
    `);
    const s = await runCli(["credits", "top-up-status", "tu_1"], { env, fetch: f.fetch });
    expect(s.code).toBe(0);
    expect(s.stdout).toMatch(/^Status: +COMPLETED$/m);
    expect(s.stdout).toContain("Paid: the credits are in the balance (opentrain credits show).");
    const tooSmall = await runCli(["credits", "top-up", "5"], { env, fetch: f.fetch });
    expect(tooSmall.code).toBe(2);
  });

  it("payments pending: a table, or says there are none", async () => {
    const f = stubApi({
      "GET /payments/pending": {
        status: 200,
        body: {
          payments: [
            {
              id: "inv_2",
              status: "PENDING_FUNDING",
              invoiceKind: "FUNDING",
              viewerRole: "EMPLOYER",
              amountUsd: 165,
              createdAt: "2026-03-01T09:00:00.000Z",
              invoiceNumber: null,
              job: { id: "job_1", title: "German Audio" },
              milestone: { id: "ms_2", name: "Batch 2" },
            },
          ],
        },
      },
    });
    const r = await runCli(["payments", "pending"], { env, fetch: f.fetch });
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[1]).toBe(
      "inv_2\tPENDING_FUNDING\tFUNDING\t$165.00\tGerman Audio (job_1)\tBatch 2 (ms_2)\t2026-03-01T09:00:00.000Z",
    );
    const none = stubApi({ "GET /payments/pending": { status: 200, body: { payments: [] } } });
    expect((await runCli(["payments", "pending"], { env, fetch: none.fetch })).stdout).toBe("No pending payments.\n");
  });
});
