import type { FastifyInstance, FastifyReply } from "fastify";
import type { AppDeps } from "../../app.js";
import { ApiError, notFound } from "../../errors.js";
import { listMemberships, type Membership } from "../../services/accounts/list-memberships.js";
import { payTopUpWithCard } from "../../services/credits/complete-top-up.js";
import { findTopUp } from "../../services/credits/find-top-up.js";
import { effectiveStatus, type TopUpRow } from "../../services/credits/top-up-view.js";
import { formatUsd } from "../../services/ledger/format.js";
import type { UserRow } from "../../services/users/find-user-by-email.js";
import { redirectToSignIn, requirePostUser } from "../accounts.js";
import { notFoundPage } from "../error-page.js";
import { formatTime, html } from "../html.js";
import { csrfField, notice, sendPage } from "../layout.js";
import { field, webState, type WebState } from "../state.js";
import { billingPath, nextPathOf } from "./billing.js";
import { cardFields, EMPTY_CARD_FORM, parseCardForm, TEST_CARDS_HELP, type CardForm } from "./card-form.js";

const checkoutPath = (topUpId: string) => `/checkout/${encodeURIComponent(topUpId)}`;

/** The top-up behind a checkout link, when the signed-in human belongs to its account (else 404). */
async function topUpForUser(
  state: WebState,
  user: UserRow,
  topUpId: string,
): Promise<{ topUp: TopUpRow; membership: Membership }> {
  const missing = () => notFound("There is no checkout for your accounts at this address.");
  let topUp: TopUpRow;
  try {
    topUp = await findTopUp(state.ctx, topUpId);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) throw missing();
    throw err;
  }
  const membership = (await listMemberships(state.ctx, user.id)).find((m) => m.accountId === topUp.accountId);
  if (!membership) throw missing();
  return { topUp, membership };
}

function renderCheckout(
  reply: FastifyReply,
  state: WebState,
  topUp: TopUpRow,
  membership: Membership,
  opts: { status?: number; error?: string; form?: CardForm; paid?: boolean; next?: string } = {},
): FastifyReply {
  const now = state.ctx.clock.now();
  const status = effectiveStatus(topUp, now);
  const amount = formatUsd(topUp.amountCents);
  const summary = html`<dl class="facts">
    <dt>Amount</dt>
    <dd id="checkout-amount">${amount}</dd>
    <dt>Credits for</dt>
    <dd>${membership.accountName}</dd>
    <dt>Status</dt>
    <dd><span class="badge" id="checkout-status">${status}</span></dd>
    <dt>${status === "COMPLETED" ? "Paid" : "Link valid until"}</dt>
    <dd>${formatTime(status === "COMPLETED" ? topUp.completedAt : topUp.expiresAt)}</dd>
  </dl>`;
  const billing = html`<div class="actions">
    ${opts.next ? html`<a class="button" id="continue" href="${opts.next}">Continue</a>` : null}
    <a href="${billingPath(topUp.accountId)}">See your credit balance</a>
  </div>`;
  let action;
  if (status === "COMPLETED") {
    action = html`${notice("ok", opts.paid ? `Payment received: ${amount} was added to your credits.` : "This top-up is paid.")}${billing}`;
  } else if (status === "PENDING") {
    action = html`${opts.error ? notice("error", opts.error) : null}
      <form method="post" action="${checkoutPath(topUp.id)}" id="checkout-form">
        ${csrfField(state)} ${opts.next ? html`<input type="hidden" name="next" value="${opts.next}" />` : null}
        ${cardFields(opts.form ?? EMPTY_CARD_FORM)}
        <div class="actions"><button type="submit" id="pay">Pay ${amount}</button></div>
      </form>
      ${TEST_CARDS_HELP}`;
  } else {
    action = notice(
      "warn",
      `This checkout link is ${status.toLowerCase()} and can no longer be paid. Ask for a new top-up.`,
    );
  }
  return sendPage(reply, opts.status ?? (status === "PENDING" || status === "COMPLETED" ? 200 : 410), {
    title: "Checkout",
    state,
    narrow: true,
    body: html`<div class="card">
      <h1>Buy OpenTrain credits</h1>
      <p class="muted">
        Sandbox checkout: prepaid credits fund hires and milestones (each payment still needs your confirmation).
      </p>
      ${summary}${action}
    </div>`,
  });
}

/**
 * The sandbox checkout page a top-up's checkoutUrl opens: a signed-in member of the account pays
 * with a test card. A declined card shows the reason and leaves the top-up PENDING; paying a
 * paid top-up again changes nothing. Production uses the provider's hosted page: 404 here.
 */
export function registerCheckoutPages(app: FastifyInstance, deps: AppDeps): void {
  const sandbox = deps.config.mode === "sandbox";

  app.get<{ Params: { topUpId: string } }>("/checkout/:topUpId", async (req, reply) => {
    if (!sandbox) return notFoundPage(req, reply);
    const state = webState(req);
    if (!state.user) return redirectToSignIn(reply, req.url);
    const { topUp, membership } = await topUpForUser(state, state.user, req.params.topUpId);
    return renderCheckout(reply, state, topUp, membership, {
      paid: field(req.query, "paid") === "1",
      next: nextPathOf(req.query),
    });
  });

  app.post<{ Params: { topUpId: string } }>("/checkout/:topUpId", async (req, reply) => {
    if (!sandbox) return notFoundPage(req, reply);
    const state = webState(req);
    const user = requirePostUser(state);
    const { topUp, membership } = await topUpForUser(state, user, req.params.topUpId);
    const next = nextPathOf(req.body);
    const form: CardForm = {
      number: field(req.body, "cardNumber").slice(0, 23),
      expiry: field(req.body, "expiry").slice(0, 7),
      cvc: field(req.body, "cvc").slice(0, 4),
    };
    try {
      const card = parseCardForm(form, state.ctx.clock.now());
      const { alreadyPaid } = await payTopUpWithCard(state.ctx, {
        topUpId: topUp.id,
        card,
        accountId: topUp.accountId,
      });
      // Paid before (another tab, a resubmitted form): nothing was charged again.
      const query = new URLSearchParams({ ...(alreadyPaid ? {} : { paid: "1" }), ...(next ? { next } : {}) });
      return reply.redirect(`${checkoutPath(topUp.id)}${query.size ? `?${query.toString()}` : ""}`, 303);
    } catch (err) {
      if (!(err instanceof ApiError) || err.status >= 500) throw err;
      const fresh = await findTopUp(state.ctx, topUp.id);
      return renderCheckout(reply, state, fresh, membership, {
        status: err.status,
        error: err.message,
        form: { ...form, cvc: "" },
        next,
      });
    }
  });
}
