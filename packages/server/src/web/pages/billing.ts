import { TOP_UP_MAX_USD, TOP_UP_MIN_USD, type Credits } from "@opentrain-ai/contract";
import type { FastifyInstance, FastifyReply } from "fastify";
import { ApiError, badRequest, forbidden } from "../../errors.js";
import { addPaymentMethod } from "../../services/billing/add-payment-method.js";
import { listPaymentMethods, toPaymentMethodView } from "../../services/billing/payment-methods.js";
import { paymentProviderFor } from "../../services/billing/provider.js";
import { createTopUp } from "../../services/credits/create-top-up.js";
import { getCredits } from "../../services/credits/get-credits.js";
import { formatUsd } from "../../services/ledger/format.js";
import {
  accountSwitcher,
  chooseAccount,
  principalFor,
  redirectToSignIn,
  requirePostUser,
  type AccountChoice,
} from "../accounts.js";
import { formatTime, html, type SafeHtml } from "../html.js";
import { csrfField, notice, sendPage } from "../layout.js";
import { safeNext } from "../security.js";
import { field, webState, type WebState } from "../state.js";
import { cardFields, EMPTY_CARD_FORM, parseCardForm, TEST_CARDS_HELP, type CardForm } from "./card-form.js";

const PATH = "/billing";

/** The billing page of an account (the billingUrl of 409 payment_method_required points here). */
export function billingPath(accountId: string, extra: Record<string, string> = {}): string {
  return `${PATH}?${new URLSearchParams({ account: accountId, ...extra }).toString()}`;
}

const NOTICES: Record<string, string> = {
  card_added: "Card saved. Hires and milestone funding can now be paid by card.",
};

function entriesTable(credits: Credits): SafeHtml {
  if (credits.recentEntries.length === 0) return html`<p class="muted">No credit activity yet.</p>`;
  return html`<table id="ledger">
    <thead>
      <tr>
        <th>When</th>
        <th>Type</th>
        <th>Amount</th>
        <th>Note</th>
      </tr>
    </thead>
    <tbody>
      ${credits.recentEntries.map(
        (e) =>
          html`<tr data-entry-id="${e.id}">
            <td class="small nowrap">${formatTime(e.createdAt)}</td>
            <td><span class="badge">${e.type}</span></td>
            <td class="nowrap">${formatUsd(e.amountCents)}</td>
            <td class="small">${e.note ?? ""}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

async function renderBilling(
  reply: FastifyReply,
  state: WebState,
  choice: AccountChoice,
  opts: {
    status?: number;
    notice?: string;
    error?: string;
    form?: CardForm;
    next?: string;
    topUpError?: string;
    amount?: string;
  } = {},
): Promise<FastifyReply> {
  const accountId = choice.current.accountId;
  const credits = await getCredits(state.ctx, accountId);
  const cards = (await listPaymentMethods(state.ctx, accountId)).map(toPaymentMethodView);
  const cardList =
    cards.length === 0
      ? html`<p class="muted" id="no-cards">No card saved yet.</p>`
      : html`<ul class="plain" id="cards">
          ${cards.map(
            (c) =>
              html`<li data-payment-method-id="${c.id}">
                <strong class="grow">${c.brand.toUpperCase()} ending in ${c.last4}</strong>
                <span class="muted small">added ${formatTime(c.createdAt)}</span>
              </li>`,
          )}
        </ul>`;
  let addCard: SafeHtml;
  if (!paymentProviderFor(state.ctx.config)) {
    addCard = notice("warn", "Card payments are not configured on this server, so no card can be added.");
  } else if (choice.current.role !== "OWNER") {
    addCard = html`<p class="muted">Only the account owner can add a card.</p>`;
  } else {
    addCard = html`${opts.error ? notice("error", opts.error) : null}
      <form method="post" action="${PATH}/payment-methods" id="add-card-form">
        ${csrfField(state)}<input type="hidden" name="account" value="${accountId}" />
        ${opts.next ? html`<input type="hidden" name="next" value="${opts.next}" />` : null}
        ${cardFields(opts.form ?? EMPTY_CARD_FORM)}
        <div class="actions"><button type="submit" id="save-card">Save card</button></div>
      </form>
      ${state.mode === "sandbox" ? TEST_CARDS_HELP : null}`;
  }
  const buyCredits = !paymentProviderFor(state.ctx.config)
    ? notice("warn", "Card payments are not configured on this server, so credits cannot be bought here.")
    : html`${opts.topUpError ? notice("error", opts.topUpError) : null}
        <form method="post" action="${PATH}/top-ups" id="buy-credits-form">
          ${csrfField(state)}<input type="hidden" name="account" value="${accountId}" />
          ${opts.next ? html`<input type="hidden" name="next" value="${opts.next}" />` : null}
          <label for="top-up-amount"
            >Amount in USD ($${TOP_UP_MIN_USD}–$${TOP_UP_MAX_USD.toLocaleString("en-US")})</label
          >
          <input
            id="top-up-amount"
            type="number"
            name="amountUsd"
            min="${TOP_UP_MIN_USD}"
            max="${TOP_UP_MAX_USD}"
            step="0.01"
            required
            value="${opts.amount ?? ""}"
          />
          <div class="actions"><button type="submit" id="buy-credits">Continue to checkout</button></div>
        </form>`;
  return sendPage(reply, opts.status ?? 200, {
    title: "Billing",
    state,
    body: html`<div class="card">
        <h1>Billing</h1>
        <p class="muted">Account <strong>${choice.current.accountName}</strong></p>
        ${accountSwitcher(PATH, choice)} ${opts.notice ? notice("ok", opts.notice) : null}
        ${opts.next && opts.notice ? html`<div class="actions"><a class="button" id="continue" href="${opts.next}">Continue</a></div>` : null}
        <dl class="facts">
          <dt>Available credits</dt>
          <dd id="available">${formatUsd(credits.availableCents)}</dd>
          <dt>Reserved for escrow</dt>
          <dd id="reserved">${formatUsd(credits.reservedCents)}</dd>
        </dl>
        ${entriesTable(credits)}
      </div>
      <div class="card">
        <h2>Buy credits</h2>
        <p class="muted small">
          Prepaid credits pay hires and milestone funding when you choose credits on an approval. You pay on the next
          page.
        </p>
        ${buyCredits}
      </div>
      <div class="card">
        <h2>Payment methods</h2>
        <p class="muted small">
          A saved card pays hires and milestone funding when you choose card on an approval; nothing is charged until
          you confirm one.
        </p>
        ${cardList}
      </div>
      <div class="card">
        <h2>Add a card</h2>
        ${addCard}
      </div>`,
  });
}

/** The `next` page of a form or query, when it is one of ours (e.g. the approval that sent the human here). */
export function nextPathOf(source: unknown): string | undefined {
  const raw = field(source, "next");
  if (!raw) return undefined;
  const next = safeNext(raw);
  return next === "/" ? undefined : next;
}

/** Billing: the credit balance and recent entries, saved cards, and adding a card (owners). */
export function registerBillingPages(app: FastifyInstance): void {
  app.get(PATH, async (req, reply) => {
    const state = webState(req);
    if (!state.user) return redirectToSignIn(reply, req.url);
    const choice = await chooseAccount(state, state.user, field(req.query, "account"), { createIfNone: true });
    return renderBilling(reply, state, choice, {
      notice: NOTICES[field(req.query, "notice")],
      next: nextPathOf(req.query),
    });
  });

  app.post(`${PATH}/top-ups`, async (req, reply) => {
    const state = webState(req);
    const user = requirePostUser(state);
    const choice = await chooseAccount(state, user, field(req.body, "account"));
    const next = nextPathOf(req.body);
    const amount = field(req.body, "amountUsd").trim().slice(0, 20);
    try {
      const amountUsd = Number(amount);
      if (!amount || !Number.isFinite(amountUsd) || amountUsd < TOP_UP_MIN_USD || amountUsd > TOP_UP_MAX_USD) {
        throw badRequest(`Enter an amount between $${TOP_UP_MIN_USD} and $${TOP_UP_MAX_USD.toLocaleString("en-US")}.`);
      }
      const created = await createTopUp(state.ctx, principalFor(user, choice.current), { amountUsd });
      const url = new URL(created.checkoutUrl);
      if (next) url.searchParams.set("next", next);
      return reply.redirect(url.toString(), 303);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      return renderBilling(reply, state, choice, { status: err.status, topUpError: err.message, amount, next });
    }
  });

  app.post(`${PATH}/payment-methods`, async (req, reply) => {
    const state = webState(req);
    const user = requirePostUser(state);
    const choice = await chooseAccount(state, user, field(req.body, "account"));
    const next = nextPathOf(req.body);
    const form: CardForm = {
      number: field(req.body, "cardNumber").slice(0, 23),
      expiry: field(req.body, "expiry").slice(0, 7),
      cvc: field(req.body, "cvc").slice(0, 4),
    };
    try {
      if (choice.current.role !== "OWNER") throw forbidden("Only the account owner can add a card.");
      const card = parseCardForm(form, state.ctx.clock.now());
      await addPaymentMethod(state.ctx, { accountId: choice.current.accountId, addedByUserId: user.id, card });
      return reply.redirect(
        billingPath(choice.current.accountId, { notice: "card_added", ...(next ? { next } : {}) }),
        303,
      );
    } catch (err) {
      if (!(err instanceof ApiError) || err.status >= 500) throw err;
      return renderBilling(reply, state, choice, {
        status: err.status,
        error: err.message,
        form: { ...form, cvc: "" },
        next,
      });
    }
  });
}
