import { formatCents, formatUsd } from "@opentrain-ai/contract";
import { list, obj, plural, str, type Json, type Summarizer } from "./types.js";

/**
 * Summaries of the money tools: hiring, contracts, milestones, co-sign approvals, credits and
 * pending payments. No tool moves money; every text that returns a link says who must open it
 * (the agent's human) and how the agent learns the outcome. Amounts are shown in dollars.
 */

const FULL = "Full response in structuredContent.";

const objects = (v: unknown): Json[] =>
  list(v)
    .map(obj)
    .filter((o): o is Json => o !== undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const usd = (v: unknown): string => (num(v) === undefined ? "n/a" : formatUsd(num(v)!));
const cents = (v: unknown, signed = false): string => (num(v) === undefined ? "n/a" : formatCents(num(v)!, { signed }));

/** What each approval type asks the human to do. */
const APPROVAL_ACTIONS: Record<string, string> = {
  proposal_hire: "hire",
  milestone_fund: "milestone funding",
  milestone_approve: "milestone payment release",
  contract_end: "contract end",
};
const actionOf = (a: Json): string => APPROVAL_ACTIONS[str(a.type) ?? ""] ?? "approval";

/** The tool (and arguments) that asks again after a decline or an expiry. */
function reRequest(a: Json): string {
  switch (a.type) {
    case "proposal_hire":
      return `opentrain_hire_proposal (proposalId "${str(a.proposalId) ?? "?"}", with the milestone terms)`;
    case "milestone_fund":
      return `opentrain_request_milestone_funding (milestoneId "${str(a.milestoneId) ?? "?"}")`;
    case "milestone_approve":
      return `opentrain_request_milestone_approval (milestoneId "${str(a.milestoneId) ?? "?"}")`;
    case "contract_end":
      return `opentrain_end_contract (contractId "${str(a.contractId) ?? "?"}")`;
    default:
      return "the same tool";
  }
}

/** How the agent learns the human's decision on approval `id`. */
function watchLine(id: string): string {
  return (
    `Watch for the outcome: call opentrain_get_approval with approvalId "${id}" until status is no longer "pending", ` +
    `or poll opentrain_poll_updates for an approval.confirmed event with data.approvalId "${id}" and read data.status ` +
    `(confirmed, declined or expired: the event fires for every outcome despite its name).`
  );
}

/** The hand-off block of a pending approval: the link for the human, the expiry and how to watch. */
function handOff(a: Json): string[] {
  const id = str(a.id) ?? "?";
  const url = str(a.approvalUrl);
  return [
    `Hand this link to your human (a signed-in member of the account must open it; you cannot confirm it yourself): ${url ?? "(no approvalUrl in the answer)"}`,
    `It expires at ${str(a.expiresAt) ?? "~72 h after the request"}; after that nothing happens and you must request again.`,
    watchLine(id),
  ];
}

/** What happens on the human's page, per approval type. */
function onConfirm(a: Json, params: Json): string {
  switch (a.type) {
    case "proposal_hire": {
      const m = obj(params.milestone) ?? {};
      const amount = num(m.amount);
      const terms = amount === undefined ? "the first milestone" : `the first milestone (${formatUsd(amount)})`;
      return `On the page the human reviews the trainer and ${terms}, may edit it (their values win), picks card or credit balance, and confirms or declines. On confirm the contract starts and the milestone is funded: its amount into escrow plus a 10% marketplace fee and the $9.95 contract fee. result.contractId then names the contract: read it with opentrain_get_contract.`;
    }
    case "milestone_fund":
      return "On confirm the milestone amount plus the 10% marketplace fee is charged to the card or credit balance the human picks, and the milestone becomes ACTIVE_FUNDED (escrow).";
    case "milestone_approve":
      return "On confirm the milestone's escrow is paid out to the trainer; this cannot be undone self-serve.";
    case "contract_end":
      return "Funded escrow is at stake, so ending needs the human's confirmation; on confirm the contract ends, its unspent escrow goes back to the credit balance and unfunded milestones are cancelled.";
    default:
      return "On confirm the action executes.";
  }
}

/** A 202 co-sign answer (hire, fund, approve, end with funded escrow). */
function coSignText(body: Json, params: Json): string {
  const a = obj(body.approval) ?? {};
  const id = str(a.id) ?? "?";
  const lines = [
    `The ${actionOf(a)} was REQUESTED, not executed: nothing happened and no money moved. Approval ${id} (${str(a.type) ?? "?"}) is ${str(a.status) ?? "pending"} until a signed-in human confirms it.`,
    ...handOff(a),
    onConfirm(a, params),
  ];
  // body.message says the same in API terms; it stays in structuredContent.
  lines.push(FULL);
  return lines.join("\n");
}

/** opentrain_hire_proposal, opentrain_request_milestone_funding, opentrain_request_milestone_approval. */
export const coSignSummary: Summarizer = (data, { params }) => coSignText(obj(data) ?? {}, params);

/** opentrain_end_contract: ended at once (200) or a pending approval (202). */
export const endContractSummary: Summarizer = (data, { params, status }) => {
  const body = obj(data) ?? {};
  if (status === 202 || obj(body.approval)) return coSignText(body, params);
  const id = str(body.contractId) ?? str(params.contractId) ?? "?";
  return [
    `Contract ${id} has ended (it had no funded milestones, so no approval was needed and no money moved).`,
    "Next step: nothing more can change on it; read it with opentrain_get_contract if you need its history.",
    FULL,
  ].join("\n");
};

/** What a confirmed approval did, from `result`. */
function confirmedLines(a: Json): string[] {
  const r = obj(a.result) ?? {};
  switch (a.type) {
    case "proposal_hire":
      return [
        `Hired: contract ${str(r.contractId) ?? "?"} (job ${str(r.jobId) ?? str(a.jobId) ?? "?"}, trainer ${str(r.freelancerUserId) ?? "?"}); the first milestone is funded in escrow.`,
        `Next step: read it with opentrain_get_contract (contractId "${str(r.contractId) ?? "?"}").`,
      ];
    case "milestone_fund":
      return [
        `Funded: milestone ${str(a.milestoneId) ?? "?"} is in escrow (invoice ${str(r.invoiceId) ?? "?"}${str(r.paymentIntentId) ? `, payment ${str(r.paymentIntentId)}` : ""}).`,
        "Next step: when the trainer has delivered, request the payment release with opentrain_request_milestone_approval.",
      ];
    case "milestone_approve":
      return [
        `Released: milestone ${str(a.milestoneId) ?? "?"} is paid out to the trainer (invoice ${str(r.invoiceId) ?? "?"}, payout ${str(r.payoutTransactionId) ?? "?"}).`,
        "Next step: add more work with opentrain_create_milestone, or end the contract with opentrain_end_contract.",
      ];
    case "contract_end":
      return [`Ended: contract ${str(a.contractId) ?? "?"} is over.`];
    default:
      return [];
  }
}

/** opentrain_get_approval: what the status means and what to do now. */
export const getApprovalSummary: Summarizer = (data) => {
  const a = obj(obj(data)?.approval) ?? {};
  const id = str(a.id) ?? "?";
  const head = `Approval ${id} (${actionOf(a)}, ${str(a.type) ?? "?"})`;
  const lines: string[] = [];
  switch (a.status) {
    case "pending":
      lines.push(`${head} is still pending: the human has not decided yet and nothing has happened.`);
      lines.push(
        `Remind your human to open ${str(a.approvalUrl) ?? "the approval link"} (signed in) before ${str(a.expiresAt) ?? "it expires"}.`,
      );
      lines.push(watchLine(id));
      break;
    case "confirmed":
      lines.push(`${head} was CONFIRMED by the human at ${str(a.resolvedAt) ?? "?"}; the action has executed.`);
      lines.push(...confirmedLines(a));
      break;
    case "declined":
      lines.push(
        `${head} was DECLINED by the human at ${str(a.resolvedAt) ?? "?"}; nothing happened and no money moved.`,
      );
      lines.push(`Next step: ask your human why before requesting again with ${reRequest(a)}.`);
      break;
    case "expired":
      if (str(a.supersededBy)) {
        lines.push(
          `${head} was REPLACED by approval ${str(a.supersededBy)} (a hire request with new terms); nothing happened on this one.`,
        );
        lines.push(
          `Next step: follow the live one with opentrain_get_approval (approvalId "${str(a.supersededBy)}"); its approvalUrl is the link your human should open.`,
        );
        break;
      }
      lines.push(
        `${head} EXPIRED at ${str(a.resolvedAt) ?? str(a.expiresAt) ?? "?"} without a decision; nothing happened and no money moved.`,
      );
      lines.push(
        `Next step: if it is still wanted, request again with ${reRequest(a)} and hand the new link to your human.`,
      );
      break;
    default:
      lines.push(`${head}: status ${str(a.status) ?? "unknown"}.`);
  }
  lines.push(FULL);
  return lines.join("\n");
};

/** `$18/h`, `$0.05/label`, `$500 fixed`. */
function rate(c: Json): string {
  const r = num(c.rateUsd);
  if (r === undefined) return "no rate";
  switch (c.paymentType) {
    case "PAY_PER_HOUR":
      return `${formatUsd(r)}/h`;
    case "PAY_PER_LABEL":
      return `${formatUsd(r)}/label`;
    case "FIXED_PRICE":
      return `${formatUsd(r)} fixed price`;
    default:
      return formatUsd(r);
  }
}

function volume(paymentType: unknown, v: unknown): string {
  const n = num(v);
  if (n === undefined) return "n/a";
  const text = n.toLocaleString("en-US", { maximumFractionDigits: 2 });
  if (paymentType === "PAY_PER_HOUR") return `${text} h`;
  if (paymentType === "PAY_PER_LABEL") return `${text} labels`;
  return text;
}

function milestoneLine(m: Json, paymentType: unknown): string {
  const parts = [
    `#${num(m.milestoneNumber) ?? "?"} ${str(m.name) ?? str(m.description) ?? "(unnamed)"}`,
    usd(m.amountUsd),
    str(m.status) ?? "?",
  ];
  if (num(m.volume) !== undefined) parts.push(volume(paymentType, m.volume));
  if (m.pendingApproval === true) parts.push("trainer requested payout");
  if (str(m.dueDate)) parts.push(`due ${str(m.dueDate)}`);
  return `${parts.join(" — ")} — milestone ${str(m.id) ?? "?"}`;
}

/** The next step for a contract, from its milestones. */
function contractNext(c: Json): string {
  const id = str(c.id) ?? "?";
  if (c.status === "ended") return "the contract has ended; nothing more can change on it.";
  const ms = objects(c.milestones);
  const payout = ms.find((m) => m.status === "ACTIVE_FUNDED" && m.pendingApproval === true);
  if (payout) {
    return `the trainer requested payout for milestone ${str(payout.id)}: if the work is accepted, request the release with opentrain_request_milestone_approval (milestoneId "${str(payout.id)}").`;
  }
  const unfunded = ms.find((m) => m.status === "NOT_FUNDED");
  if (unfunded) {
    return `milestone ${str(unfunded.id)} is not funded: request funding with opentrain_request_milestone_funding (milestoneId "${str(unfunded.id)}").`;
  }
  if (ms.some((m) => m.status === "ACTIVE_FUNDED")) {
    return "work is funded and in progress; when the trainer delivers, request the release with opentrain_request_milestone_approval.";
  }
  return `add work with opentrain_create_milestone (contractId "${id}"), or end it with opentrain_end_contract.`;
}

/** The budget snapshot in one or two lines. */
function budgetLines(b: Json, ended: boolean): string[] {
  const state = str(b.state) ?? "?";
  const type = b.paymentType;
  if (type === "FIXED_PRICE") {
    return [`Budget: ${state} (fixed price: usage never depletes it); funded ${usd(b.fundedAmountUsd)}.`];
  }
  const fraction = num(b.consumedFraction);
  const lines = [
    `Budget: ${state} — funded ${usd(b.fundedAmountUsd)} (${volume(type, b.fundedVolume)}), consumed ${volume(type, b.consumedVolume)}${fraction === undefined ? "" : ` (${Math.round(fraction * 100)}%)`}, remaining ${volume(type, b.remainingVolume)}.`,
  ];
  if (ended) return lines;
  if (state === "DEPLETED") lines.push("The funded volume is used up: fund another milestone to keep work going.");
  else if (state === "LOW")
    lines.push("80% or more of the funded volume is used: consider funding the next milestone.");
  return lines;
}

function contractHead(c: Json): string {
  const f = obj(c.freelancer) ?? {};
  return `Contract ${str(c.id) ?? "?"} — ${str(c.status) ?? "?"} — "${str(c.title) ?? "?"}" — trainer ${str(f.displayName) ?? "?"} (${str(f.userId) ?? "?"}) — ${rate(c)}`;
}

/** opentrain_get_contract: the contract, milestones, escrow and budget state. */
export const getContractSummary: Summarizer = (data) => {
  const c = obj(obj(data)?.contract) ?? {};
  const ms = objects(c.milestones);
  const escrowCents = ms
    .filter((m) => m.status === "ACTIVE_FUNDED")
    .reduce((sum, m) => sum + Math.round((num(m.amountUsd) ?? 0) * 100), 0);
  const lines = [`${contractHead(c)}.`];
  lines.push(
    `Job ${str(c.jobId) ?? "?"}, proposal ${str(c.proposalId) ?? "?"}; started ${str(c.startDate) ?? "?"}${str(c.endDate) ? `, ended ${str(c.endDate)}` : ""}.`,
  );
  if (str(c.jobDmConversationId)) {
    lines.push(
      `Post-hire conversation: ${str(c.jobDmConversationId)} (opentrain_read_messages / opentrain_send_message).`,
    );
  }
  lines.push(`Milestones (${ms.length}; ${formatCents(escrowCents)} in escrow):`);
  if (ms.length === 0) lines.push("  none");
  for (const m of ms) lines.push(`  ${milestoneLine(m, c.paymentType)}`);
  const budget = obj(c.budget);
  if (budget) lines.push(...budgetLines(budget, c.status === "ended"));
  lines.push(`Next step: ${contractNext(c)}`);
  lines.push(FULL);
  return lines.join("\n");
};

/** opentrain_list_contracts: one line per contract with its milestones. */
export const listContractsSummary: Summarizer = (data, { params }) => {
  const contracts = objects(obj(data)?.contracts);
  const lines: string[] = [];
  if (contracts.length === 0) {
    lines.push(
      params.jobId || params.status
        ? "No contracts match these filters."
        : "No contracts yet: hire a proposal with opentrain_hire_proposal.",
    );
  } else {
    lines.push(`${plural(contracts.length, "contract")}, newest first:`);
    contracts.forEach((c, i) => {
      lines.push(`${i + 1}. ${contractHead(c)}`);
      for (const m of objects(c.milestones)) lines.push(`   ${milestoneLine(m, c.paymentType)}`);
    });
    lines.push(
      `Next step: read one with opentrain_get_contract (contractId "${str(contracts[0]!.id) ?? "?"}") for its budget state.`,
    );
  }
  lines.push(FULL);
  return lines.join("\n");
};

/** opentrain_create_milestone: the unfunded milestone and how to fund it. */
export const createMilestoneSummary: Summarizer = (data, { params }) => {
  const m = obj(obj(data)?.milestone) ?? {};
  const id = str(m.id) ?? "?";
  return [
    `Created milestone ${id} (#${num(m.milestoneNumber) ?? "?"}) on contract ${str(params.contractId) ?? "?"}: ${str(m.name) ?? str(m.description) ?? "(unnamed)"} — ${usd(m.amountUsd)}${num(m.volume) !== undefined ? ` — volume ${num(m.volume)}` : ""} — ${str(m.status) ?? "NOT_FUNDED"}. No money moved.`,
    `Next step: request escrow funding with opentrain_request_milestone_funding (milestoneId "${id}"); a human confirms it.`,
    FULL,
  ].join("\n");
};

function ledgerLine(e: Json): string {
  const links = (
    [
      ["top-up", e.topUpId],
      ["milestone", e.milestoneId],
      ["contract", e.contractId],
      ["proposal", e.jobofferId],
    ] as const
  )
    .filter(([, v]) => str(v))
    .map(([k, v]) => `${k} ${str(v)}`);
  return `${str(e.createdAt) ?? "?"} ${str(e.type) ?? "?"} ${cents(e.amountCents, true)}${links.length ? ` (${links.join(", ")})` : ""}${str(e.note) ? ` — ${str(e.note)}` : ""} — entry ${str(e.id) ?? "?"}`;
}

/** opentrain_get_credits: the balance in dollars. */
export const getCreditsSummary: Summarizer = (data) => {
  const c = obj(obj(data)?.credits) ?? {};
  const available = num(c.availableCents) ?? 0;
  const reserved = num(c.reservedCents) ?? 0;
  const entries = objects(c.recentEntries);
  const lines = [
    `Credit balance: ${formatCents(available)} available, ${formatCents(reserved)} reserved in escrow holds (${formatCents(available + reserved)} total).`,
  ];
  if (entries.length > 0) {
    lines.push(
      `Latest ${plural(entries.length, "ledger entry", "ledger entries")} (amount = effect on the available balance; CAPTURE: on the reserved balance):`,
    );
    for (const e of entries) lines.push(`  ${ledgerLine(e)}`);
  } else {
    lines.push("No ledger entries yet.");
  }
  lines.push(
    "Next step: to add credits call opentrain_create_credit_top_up and hand its checkoutUrl to your human; page the full ledger with opentrain_list_credit_ledger.",
  );
  lines.push(FULL);
  return lines.join("\n");
};

/** opentrain_list_credit_ledger: one line per entry and the cursor. */
export const listCreditLedgerSummary: Summarizer = (data) => {
  const body = obj(data) ?? {};
  const entries = objects(body.entries);
  const lines = [
    entries.length === 0
      ? "No ledger entries."
      : `${plural(entries.length, "ledger entry", "ledger entries")}, newest first (amount = effect on the available balance; CAPTURE: on the reserved balance):`,
  ];
  for (const e of entries) lines.push(`  ${ledgerLine(e)}`);
  const cursor = str(body.nextCursor);
  lines.push(cursor ? `Older entries: call again with cursor "${cursor}".` : "No more pages.");
  lines.push(FULL);
  return lines.join("\n");
};

/** opentrain_create_credit_top_up: the checkout link for the human. */
export const createCreditTopUpSummary: Summarizer = (data) => {
  const body = obj(data) ?? {};
  const t = obj(body.topUp) ?? {};
  const id = str(body.topUpId) ?? str(t.id) ?? "?";
  return [
    `Top-up ${id} for ${cents(t.amountCents)} created (${str(t.status) ?? "PENDING"}): nothing is charged until your human pays it.`,
    `Hand this checkout link to your human (they pay it signed in): ${str(body.checkoutUrl) ?? "(no checkoutUrl in the answer)"}`,
    `It expires at ${str(body.expiresAt) ?? str(t.expiresAt) ?? "~24 h after creation"}.`,
    `Watch for the payment: call opentrain_get_credit_top_up with topUpId "${id}" until status is COMPLETED; the credits then show in opentrain_get_credits.`,
    FULL,
  ].join("\n");
};

/** opentrain_get_credit_top_up: what the status means. */
export const getCreditTopUpSummary: Summarizer = (data) => {
  const t = obj(obj(data)?.topUp) ?? {};
  const id = str(t.id) ?? "?";
  const head = `Top-up ${id} for ${cents(t.amountCents)}`;
  switch (t.status) {
    case "PENDING":
      return [
        `${head} is PENDING: not paid yet (expires ${str(t.expiresAt) ?? "?"}).`,
        "Next step: remind your human to pay at the checkoutUrl from opentrain_create_credit_top_up, then check again.",
        FULL,
      ].join("\n");
    case "COMPLETED":
      return [
        `${head} is COMPLETED at ${str(t.completedAt) ?? "?"}: the credits are in the available balance.`,
        "Next step: check the balance with opentrain_get_credits; the human can now pay hires and milestones from credits.",
        FULL,
      ].join("\n");
    default:
      return [
        `${head} is ${str(t.status) ?? "?"}: nothing was charged and the link no longer works.`,
        "Next step: if credits are still needed, start a new one with opentrain_create_credit_top_up.",
        FULL,
      ].join("\n");
  }
};

/** opentrain_list_pending_payments: one line per invoice in flight. */
export const listPendingPaymentsSummary: Summarizer = (data) => {
  const payments = objects(obj(data)?.payments);
  const lines = [
    payments.length === 0
      ? "No pending payments."
      : `${plural(payments.length, "pending payment")} (read-only; nothing is released by this call):`,
  ];
  for (const p of payments) {
    const job = obj(p.job) ?? {};
    const m = obj(p.milestone) ?? {};
    lines.push(
      `  ${str(p.status) ?? "?"} ${str(p.invoiceKind) ?? "?"} ${usd(p.amountUsd)} — job "${str(job.title) ?? "?"}" (${str(job.id) ?? "?"}) — milestone ${str(m.name) ?? "?"} (${str(m.id) ?? "?"}) — invoice ${str(p.id) ?? "?"}`,
    );
  }
  if (payments.length > 0) {
    lines.push(
      "Next step: see each milestone's state with opentrain_get_contract; approvals are tracked with opentrain_get_approval.",
    );
  }
  lines.push(FULL);
  return lines.join("\n");
};

/**
 * Explanation lines and the next step for money errors whose fix is known: the billing link of
 * payment_method_required, the override of a "Not a fit" hire, milestone states, a declined card,
 * and the payments:write scope agent tokens never carry.
 */
export function moneyErrorAdvice(
  code: string,
  reason: string | undefined,
  details: Json | undefined,
): { lines: string[]; hint: string } | undefined {
  const d = details ?? {};
  const required = list(d.requiredScopes);
  if (code === "PAYMENT_DECLINED") {
    return {
      lines: ["The card was declined; nothing was charged."],
      hint: "Ask your human to use another card on the billing page, or to pay with credits (opentrain_create_credit_top_up).",
    };
  }
  if (code === "FORBIDDEN" && required.includes("payments:write")) {
    return {
      lines: ["Agent tokens never carry payments:write, not even after the claim."],
      hint: "Ask your human to mint a token with payments:write in Settings → API keys in the OpenTrain app and set it as OPENTRAIN_PERSONAL_API_TOKEN (or save it with the CLI: opentrain auth login --api-key <token>), then retry.",
    };
  }
  switch (reason) {
    case "payment_method_required": {
      const billing = str(d.billingUrl);
      return {
        lines: [
          "The account has no payment method and its credit balance does not cover this. Nothing was requested.",
          ...(billing ? [`Billing page for your human: ${billing}`] : []),
        ],
        hint: `Hand your human the billing link${billing ? ` (${billing})` : ""} to add a card, or buy credits: call opentrain_create_credit_top_up and hand them its checkoutUrl. When that is done, call this tool again.`,
      };
    }
    case "not_fit_confirmation_required":
      return {
        lines: ["The proposal was marked “Not a fit”."],
        hint: "If hiring is intended, confirm with your human and call opentrain_hire_proposal again with confirmNotFitOverride: true.",
      };
    case "already_accepted":
      return {
        lines: ["The proposal is already hired."],
        hint: "Treat this as done: find the contract with opentrain_list_contracts (jobId filter) and read it with opentrain_get_contract.",
      };
    case "milestone_not_fundable":
      return {
        lines: [`Only a NOT_FUNDED milestone can be funded${str(d.status) ? `; this one is ${str(d.status)}` : ""}.`],
        hint: "Read the contract with opentrain_get_contract to see the milestone's state; an already funded milestone needs no funding.",
      };
    case "milestone_not_funded":
      return {
        lines: ["The milestone is not funded, so there is nothing to release."],
        hint: `Fund it first with opentrain_request_milestone_funding${str(d.milestoneId) ? ` (milestoneId "${str(d.milestoneId)}")` : ""}.`,
      };
    case "contract_ended":
      return { lines: [], hint: "The contract has ended; nothing more can change on it." };
    case "contract_rate_missing":
      return {
        lines: ["The contract has no rate to multiply the volume by."],
        hint: "Call opentrain_create_milestone again with amountUsd instead of volume.",
      };
    default:
      return undefined;
  }
}
