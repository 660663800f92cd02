import type { FastifyInstance, FastifyReply } from "fastify";
import { ApiError } from "../../errors.js";
import { getAccount } from "../../services/accounts/get-account.js";
import { acceptClaim } from "../../services/claims/accept-claim.js";
import { declineClaim } from "../../services/claims/decline-claim.js";
import { findAttempt, type ClaimAttemptView } from "../../services/claims/find-attempt.js";
import { requirePostUser } from "../accounts.js";
import { formatTime, html } from "../html.js";
import { csrfField, messagePage, notice, sendPage } from "../layout.js";
import { field, webState, type WebState } from "../state.js";
import { signInForm } from "./signin.js";

const INVALID_LINK =
  "This claim link is not valid. Check that you opened the whole link, or ask the agent for a new one.";

function claimPath(token: string): string {
  return `/claim?token=${encodeURIComponent(token)}`;
}

function sameEmail(a: string | null | undefined, b: string): boolean {
  return Boolean(a) && a!.toLowerCase() === b.toLowerCase();
}

/** The open attempt behind a claim link, or the page that says why there is none (null). */
async function openAttempt(state: WebState, reply: FastifyReply, token: string): Promise<ClaimAttemptView | null> {
  const view = token ? await findAttempt(state.ctx, { token }) : null;
  if (!view) {
    messagePage(reply, state, 404, "Claim link not found", INVALID_LINK);
    return null;
  }
  if (view.closedReason) {
    messagePage(reply, state, 410, "This claim is closed", view.closedReason);
    return null;
  }
  return view;
}

async function renderClaim(
  reply: FastifyReply,
  state: WebState,
  view: ClaimAttemptView,
  token: string,
  opts: { status?: number; error?: string } = {},
): Promise<FastifyReply> {
  const account = await getAccount(state.ctx, view.registration.accountId);
  const agentName = view.registration.agentName?.trim() || "An AI agent";
  const claimEmail = view.attempt.email;
  const here = claimPath(token);
  const intro = html`<div class="agent">
      <strong id="agent-name">${agentName}</strong> registered the OpenTrain employer account
      <strong>${account?.name ?? "(unnamed)"}</strong> and named you as its owner.
    </div>
    <p>This claim was sent to <strong id="claim-email">${claimEmail}</strong>.</p>`;
  let action;
  if (!state.user) {
    action = html`<h2>Sign in to continue</h2>
      <p class="muted">Sign in (or sign up) with ${claimEmail}. We email you a link that brings you back here.</p>
      ${signInForm(state, { email: claimEmail, next: here, lockEmail: true })}`;
  } else if (!sameEmail(state.user.email, claimEmail)) {
    action = html`${notice(
        "warn",
        html`You are signed in as <strong>${state.user.email}</strong>, but this claim can only be accepted by
          <strong>${claimEmail}</strong>. Sign out, then sign in with that address.`,
      )}
      <form method="post" action="/signout" id="switch-account">
        ${csrfField(state)}<input type="hidden" name="next" value="${here}" />
        <button type="submit">Sign out</button>
      </form>`;
  } else {
    action = html`${opts.error ? notice("error", opts.error) : null}
      <form method="post" action="/claim" id="claim-form">
        ${csrfField(state)}<input type="hidden" name="token" value="${token}" />
        <label for="userCode">6-digit code from the agent (also in the claim email)</label>
        <input
          id="userCode"
          class="code"
          type="text"
          name="userCode"
          inputmode="numeric"
          pattern="[0-9]{6}"
          minlength="6"
          maxlength="6"
          autocomplete="one-time-code"
          required
          autofocus
          placeholder="000000"
        />
        <div class="actions"><button type="submit" id="accept">Accept and become owner</button></div>
      </form>
      <form method="post" action="/claim/decline" id="decline-form" class="actions">
        ${csrfField(state)}<input type="hidden" name="token" value="${token}" />
        <button class="secondary" type="submit" id="decline">Decline</button>
        <span class="muted small">Not expecting this? Decline, and the agent is told you refused.</span>
      </form>
      <p class="muted small">This link expires ${formatTime(view.attempt.expiresAt)}.</p>`;
  }
  return sendPage(reply, opts.status ?? 200, {
    title: "Claim an agent account",
    state,
    narrow: true,
    body: html`<div class="card">
      <h1>Claim an agent account</h1>
      ${intro}${action}
    </div>`,
  });
}

/** The human side of the claim ceremony (spec 10 §3.5). */
export function registerClaimPages(app: FastifyInstance): void {
  app.get("/claim", async (req, reply) => {
    const state = webState(req);
    const token = field(req.query, "token");
    const view = await openAttempt(state, reply, token);
    if (!view) return reply;
    return renderClaim(reply, state, view, token);
  });

  app.post("/claim", async (req, reply) => {
    const state = webState(req);
    const user = requirePostUser(state);
    const token = field(req.body, "token");
    const userCode = field(req.body, "userCode").trim();
    const view = await openAttempt(state, reply, token);
    if (!view) return reply;
    if (!/^[0-9]{6}$/.test(userCode)) {
      return renderClaim(reply, state, view, token, { status: 400, error: "Enter the 6-digit code (numbers only)." });
    }
    let accountId: string;
    try {
      ({ accountId } = await acceptClaim(state.ctx, { attempt: { token }, user, userCode }));
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 400) throw err;
      // A wrong code: show the form again with the tries left, unless that was the last try.
      const after = await findAttempt(state.ctx, { token });
      if (!after || after.closedReason) return messagePage(reply, state, 400, "This claim is closed", err.message);
      return renderClaim(reply, state, after, token, { status: 400, error: err.message });
    }
    const account = await getAccount(state.ctx, accountId);
    return sendPage(reply, 200, {
      title: "Account claimed",
      state,
      narrow: true,
      body: html`<div class="card" id="claim-success">
        <h1>Account claimed</h1>
        ${notice("ok", html`You now own <strong>${account?.name ?? "the account"}</strong>. The agent will pick up its new token automatically.`)}
        <p>You can mint more API keys, including ones that can move money, in Settings.</p>
        <div class="actions">
          <a class="button" id="api-keys-link" href="/settings/api-keys?account=${encodeURIComponent(accountId)}"
            >Go to API keys</a
          >
          <a href="/team?account=${encodeURIComponent(accountId)}">Team</a>
        </div>
      </div>`,
    });
  });

  app.post("/claim/decline", async (req, reply) => {
    const state = webState(req);
    const user = requirePostUser(state);
    const token = field(req.body, "token");
    const view = await openAttempt(state, reply, token);
    if (!view) return reply;
    await declineClaim(state.ctx, { attempt: { token }, user });
    return messagePage(
      reply,
      state,
      200,
      "Claim declined",
      "You declined this claim. The agent is told on its next check and does not get a new token.",
      html`<div class="actions"><a href="/">Go to the home page</a></div>`,
    );
  });
}
