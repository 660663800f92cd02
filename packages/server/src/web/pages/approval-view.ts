import type { ApprovalDescription } from "../../services/approvals/describe-approval.js";
import { approvalUrl } from "../../services/approvals/approval-view.js";
import { hireFees, milestoneFundingFees } from "../../services/ledger/index.js";
import { formatUsd } from "../../services/ledger/format.js";
import { formatTime, html, type SafeHtml } from "../html.js";
import { csrfField, notice } from "../layout.js";
import type { WebState } from "../state.js";

/** The first milestone of a hire as the form shows it (the agent's terms, or the human's edits). */
export interface HireForm {
  name: string;
  description: string;
  /** As typed, e.g. "300" or "149.99". */
  amount: string;
  dueDate: string;
}

/** What the page shows around the approval: the human's choices so far and any message. */
export interface ApprovalPageOptions {
  form?: HireForm;
  paymentSource?: string;
  error?: string;
  notice?: string;
}

const TITLES = {
  proposal_hire: ["Confirm a hire", "Hire request"],
  milestone_fund: ["Fund a milestone", "Milestone funding request"],
  milestone_approve: ["Release a milestone payment", "Milestone release request"],
  contract_end: ["End a contract", "Contract end request"],
} as const;

const STATUS_TEXT = {
  pending: "Waiting for you",
  confirmed: "Confirmed",
  declined: "Declined",
  expired: "Expired",
} as const;

export function hireFormOf(d: ApprovalDescription): HireForm {
  const t = d.hireTerms;
  return {
    name: t?.name ?? "",
    description: t?.description ?? "",
    amount: t ? String(t.amountCents / 100) : "",
    dueDate: t?.dueDate ?? "",
  };
}

/** Cents of a typed USD amount, or null when it is not a positive amount in whole cents. */
export function centsOfTyped(amount: string): number | null {
  const t = amount.trim().replace(/^\$/, "").replace(/,/g, "");
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  const cents = Math.round(Number(t) * 100);
  return cents > 0 && cents <= 100_000_000 ? cents : null;
}

/** The escrow and fee lines of a hire or funding, with the total the human is asked to pay. */
export function chargeOf(
  d: ApprovalDescription,
  form: HireForm,
): { escrowCents: number; lines: [string, string, number][] } | null {
  if (d.approval.type === "proposal_hire") {
    const cents = centsOfTyped(form.amount);
    if (cents === null) return null;
    const fees = hireFees(cents);
    return {
      escrowCents: cents,
      lines: [
        ["fee-escrow", "Milestone (held in escrow)", cents],
        ["fee-marketplace", "Marketplace fee (10 %)", fees.marketplaceFeeCents],
        ["fee-contract", "Contract fee", fees.contractFeeCents],
      ],
    };
  }
  if (d.approval.type === "milestone_fund" && d.milestone) {
    const cents = d.milestone.amountCents;
    return {
      escrowCents: cents,
      lines: [
        ["fee-escrow", "Milestone (held in escrow)", cents],
        ["fee-marketplace", "Marketplace fee (10 %)", milestoneFundingFees(cents).marketplaceFeeCents],
      ],
    };
  }
  return null;
}

export const totalOf = (charge: NonNullable<ReturnType<typeof chargeOf>>) =>
  charge.lines.reduce((s, [, , cents]) => s + cents, 0);

function facts(d: ApprovalDescription): SafeHtml {
  const a = d.approval;
  return html`<dl class="facts" id="approval-facts">
    <dt>Requested</dt>
    <dd>${formatTime(a.createdAt)} by your agent</dd>
    <dt>Job</dt>
    <dd id="job-title">${d.jobTitle}</dd>
    ${
      d.trainer
        ? html`<dt>AI trainer</dt>
            <dd id="trainer-name">
              ${d.trainer.displayName}${d.trainer.country ? html` · ${d.trainer.country}` : null}
            </dd>`
        : null
    }
    ${
      d.rateLabel
        ? html`<dt>${a.type === "proposal_hire" ? "Bid" : "Rate"}</dt>
            <dd id="rate">${d.rateLabel}</dd>`
        : null
    }
    ${
      d.contract
        ? html`<dt>Contract</dt>
            <dd id="contract-title">${d.contract.title} (${d.contract.status})</dd>`
        : null
    }
    <dt>Status</dt>
    <dd><span class="badge" id="approval-status" data-status="${a.status}">${STATUS_TEXT[a.status]}</span></dd>
    ${
      a.status === "pending"
        ? html`<dt>Expires</dt>
            <dd id="expires-at">${formatTime(a.expiresAt)}</dd>`
        : html`<dt>Resolved</dt>
            <dd id="resolved-at">${formatTime(a.resolvedAt)}</dd>`
    }
  </dl>`;
}

/** What the agent asked for, as it asked (the human's edits are in the form below it). */
function agentRequest(d: ApprovalDescription): SafeHtml {
  const a = d.approval;
  if (a.type === "proposal_hire" && d.hireTerms) {
    const t = d.hireTerms;
    return html`<div id="agent-request">
      <h2>Your agent asked for</h2>
      <p>
        Hire <strong>${d.trainer?.displayName ?? "this AI trainer"}</strong> with a first milestone
        <strong>${t.name ?? t.description ?? ""}</strong> of <strong>${formatUsd(t.amountCents)}</strong>${
          t.dueDate ? html`, due ${t.dueDate}` : null
        }.
      </p>
      ${t.name && t.description ? html`<p class="muted small">${t.description}</p>` : null}
    </div>`;
  }
  const m = d.milestone;
  const label = m
    ? html`milestone ${m.milestoneNumber} <strong>${m.name ?? m.description}</strong>`
    : html`a milestone`;
  const text =
    a.type === "milestone_fund"
      ? html`Fund ${label}: ${m ? formatUsd(m.amountCents) : ""} goes into escrow for the trainer.`
      : a.type === "milestone_approve"
        ? html`Release ${label}: its escrow of ${m ? formatUsd(m.amountCents) : ""} is paid out to the trainer.
          ${m?.payoutRequestedAt ? html`The trainer marked the work complete and requested payout.` : null}`
        : html`End the
          contract${
            d.fundedMilestones.length
              ? html`; the unspent escrow of ${d.fundedMilestones.length} funded milestone(s),
                ${formatUsd(d.fundedMilestones.reduce((s, x) => s + x.amountCents, 0))}, goes back to your credit
                balance`
              : null
          }.`;
  return html`<div id="agent-request">
    <h2>Your agent asked to</h2>
    <p>${text}</p>
    ${m?.description && m.name ? html`<p class="muted small">${m.description}</p>` : null}
  </div>`;
}

function chargeTable(d: ApprovalDescription, form: HireForm): SafeHtml {
  const charge = chargeOf(d, form);
  if (!charge)
    return html`<p class="muted" id="charge-unknown">Enter a valid amount to see the fees and the total.</p>`;
  return html`<table id="charge">
      <tbody>
        ${charge.lines.map(
          ([id, label, cents]) =>
            html`<tr>
              <td>${label}</td>
              <td class="nowrap" id="${id}">${formatUsd(cents)}</td>
            </tr>`,
        )}
        <tr>
          <th>Total charged now</th>
          <th class="nowrap" id="total">${formatUsd(totalOf(charge))}</th>
        </tr>
      </tbody>
    </table>
    <p class="muted small">
      The milestone amount is held in escrow and paid to the trainer only when you release it; fees are not refunded.
    </p>`;
}

function hireFields(form: HireForm): SafeHtml {
  return html`<h2>First milestone</h2>
    <p class="muted small">Change anything before you confirm: your values replace the agent's.</p>
    <label for="milestone-name">Name</label>
    <input id="milestone-name" type="text" name="milestoneName" maxlength="200" value="${form.name}" />
    <label for="milestone-description">Description</label>
    <input
      id="milestone-description"
      type="text"
      name="milestoneDescription"
      maxlength="2000"
      value="${form.description}"
    />
    <label for="milestone-amount">Amount (USD)</label>
    <input
      id="milestone-amount"
      type="text"
      inputmode="decimal"
      name="milestoneAmount"
      required
      value="${form.amount}"
    />
    <label for="milestone-due-date">Due date (optional, YYYY-MM-DD)</label>
    <input id="milestone-due-date" type="text" name="milestoneDueDate" maxlength="40" value="${form.dueDate}" />`;
}

function sourceChoice(
  state: WebState,
  d: ApprovalDescription,
  total: number | null,
  chosen: string | undefined,
): SafeHtml {
  const billing = `/billing?${new URLSearchParams({ account: d.approval.accountId, next: `/approvals/${d.approval.id}` })}`;
  const covers = total !== null && d.funding.availableCents >= total;
  const card = d.funding.card;
  const selected = chosen ?? (covers ? "credits" : card ? "card" : "");
  return html`<h2>Pay with</h2>
    <div class="choices" id="payment-source">
      <label
        ><input
          type="radio"
          id="source-credits"
          name="paymentSource"
          value="credits"
          ${selected === "credits" ? html`checked` : null}
        />
        <span
          >Credit balance (<span id="available-credits">${formatUsd(d.funding.availableCents)}</span> available)</span
        ></label
      >
      <label
        ><input
          type="radio"
          id="source-card"
          name="paymentSource"
          value="card"
          ${card ? null : html`disabled`}
          ${selected === "card" && card ? html`checked` : null}
        />
        <span
          >${card ? html`Card: ${card.brand.toUpperCase()} ending in ${card.last4}` : html`Card (none saved)`}</span
        ></label
      >
    </div>
    ${
      total !== null && !covers
        ? html`<p class="small" id="credits-short">
            Your credits do not cover ${formatUsd(total)}. ${card ? "Pay by card, or " : ""}<a href="${billing}"
              >${card ? "top up on the billing page" : "add a card or buy credits on the billing page"}</a
            >, then come back here.
          </p>`
        : null
    }
    ${
      state.mode === "sandbox" && !card
        ? html`<p class="muted small">Sandbox: <a href="${billing}">save a test card</a> to pay by card.</p>`
        : null
    }`;
}

function confirmLabel(d: ApprovalDescription, total: number | null): string {
  const amount = total !== null ? ` ${formatUsd(total)}` : "";
  switch (d.approval.type) {
    case "proposal_hire":
      return `Confirm hire and pay${amount}`;
    case "milestone_fund":
      return `Confirm and pay${amount}`;
    case "milestone_approve":
      return `Release ${d.milestone ? formatUsd(d.milestone.amountCents) : "payment"} to the trainer`;
    case "contract_end":
      return "End the contract";
  }
}

function pendingForms(state: WebState, d: ApprovalDescription, opts: ApprovalPageOptions): SafeHtml {
  const a = d.approval;
  const action = `/approvals/${encodeURIComponent(a.id)}`;
  const form = opts.form ?? hireFormOf(d);
  const charge = chargeOf(d, form);
  const total = charge ? totalOf(charge) : null;
  const movesMoneyIn = a.type === "proposal_hire" || a.type === "milestone_fund";
  const decline = html`<form method="post" action="${action}/decline" id="decline-form">
    ${csrfField(state)}
    <div class="actions">
      <button type="submit" class="secondary" id="decline">Decline</button>
      <span class="muted small">Nothing happens; your agent sees the request as declined.</span>
    </div>
  </form>`;
  if (d.blocker) return html`${notice("warn", d.blocker)}${decline}`;
  const extra =
    a.type === "milestone_approve"
      ? html`<p class="small">Released payouts cannot be reversed.</p>`
      : a.type === "contract_end"
        ? html`<ul id="end-effects">
            ${d.fundedMilestones.map(
              (m) =>
                html`<li>
                  Milestone ${m.milestoneNumber} (${m.name ?? m.description}): ${formatUsd(m.amountCents)} back to your
                  credit balance
                </li>`,
            )}
            ${d.unfundedMilestones.map(
              (m) => html`<li>Milestone ${m.milestoneNumber} (${m.name ?? m.description}): not funded, cancelled</li>`,
            )}
          </ul>`
        : null;
  return html`<form method="post" action="${action}" id="confirm-form">
      ${csrfField(state)} ${a.type === "proposal_hire" ? hireFields(form) : null}
      ${
        movesMoneyIn
          ? html`<h2>Amount</h2>
              ${chargeTable(d, form)}`
          : null
      }
      ${total !== null ? html`<input type="hidden" name="expectedTotalCents" value="${total}" />` : null}
      ${movesMoneyIn ? sourceChoice(state, d, total, opts.paymentSource) : null} ${extra}
      <div class="actions">
        ${
          a.type === "proposal_hire"
            ? html`<button type="submit" class="secondary" name="action" value="recalculate" id="recalculate">
                Update total
              </button>`
            : null
        }
        <button type="submit" name="action" value="confirm" id="confirm">${confirmLabel(d, total)}</button>
      </div>
    </form>
    ${decline}`;
}

function resultBlock(d: ApprovalDescription): SafeHtml {
  const a = d.approval;
  if (a.status === "confirmed") {
    const r = (a.result ?? {}) as Record<string, unknown>;
    const paid = a.resolution?.escrowCents;
    const lines: [string, string][] = [];
    if (a.type === "proposal_hire") lines.push(["Contract", String(r.contractId)]);
    if (r.invoiceId) lines.push(["Invoice", String(r.invoiceId)]);
    if (r.payoutTransactionId) lines.push(["Payout", String(r.payoutTransactionId)]);
    if (a.resolution?.paymentSource)
      lines.push(["Paid with", a.resolution.paymentSource === "card" ? "card" : "credits"]);
    if (paid !== undefined && a.type !== "contract_end") lines.push(["Milestone amount", formatUsd(paid)]);
    if (a.resolution?.feeCents !== undefined) lines.push(["Fees", formatUsd(a.resolution.feeCents)]);
    return html`<div id="approval-result">
      ${notice("ok", "Done. Your agent has been told through its updates feed.")}
      <dl class="facts">
        ${lines.map(
          ([k, v]) =>
            html`<dt>${k}</dt>
              <dd>${v}</dd>`,
        )}
      </dl>
    </div>`;
  }
  if (a.status === "declined") {
    return html`<div id="approval-result">
      ${notice("warn", "You declined this request. Nothing was carried out.")}
    </div>`;
  }
  return html`<div id="approval-result">
    ${notice(
      "warn",
      a.supersededById
        ? html`Your agent replaced this request with a newer one; nothing was carried out.
            <a id="superseded-by" href="/approvals/${a.supersededById}">Open the newer request</a>.`
        : "This request expired before anyone confirmed it; nothing was carried out. Your agent must ask again.",
    )}
  </div>`;
}

/** The body of the approval page. */
export function approvalBody(state: WebState, d: ApprovalDescription, opts: ApprovalPageOptions): SafeHtml {
  const a = d.approval;
  return html`<div class="card" id="approval" data-approval-id="${a.id}" data-type="${a.type}">
    <h1>${TITLES[a.type][a.status === "pending" ? 0 : 1]}</h1>
    ${opts.notice ? notice("ok", opts.notice) : null} ${opts.error ? notice("error", opts.error) : null} ${facts(d)}
    ${agentRequest(d)} ${a.status === "pending" ? pendingForms(state, d, opts) : resultBlock(d)}
    <p class="muted small">Link to this page: <code>${approvalUrl(state.ctx.config, a.id)}</code></p>
  </div>`;
}
