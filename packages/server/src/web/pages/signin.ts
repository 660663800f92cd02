import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppDeps } from "../../app.js";
import { ApiError, badRequest } from "../../errors.js";
import { consumeLoginLink, endSession, sendLoginLink, SESSION_TTL_MS } from "../../services/sessions/login-links.js";
import { html, type SafeHtml } from "../html.js";
import { csrfField, messagePage, notice, sendPage } from "../layout.js";
import { clearSessionCookie, safeNext, setSessionCookie } from "../security.js";
import { field, rotateCsrf, webState, type WebState } from "../state.js";

/** The email sign-in form; other pages (claim, invitation) embed it with the address prefilled. */
export function signInForm(
  state: WebState,
  opts: { email?: string; next: string; lockEmail?: boolean; submitLabel?: string },
): SafeHtml {
  return html`<form method="post" action="/signin">
    ${csrfField(state)}
    <input type="hidden" name="next" value="${opts.next}" />
    <label for="email">Email address</label>
    <input
      id="email"
      type="email"
      name="email"
      required
      maxlength="254"
      autocomplete="email"
      value="${opts.email ?? ""}"
      ${opts.lockEmail ? html` readonly` : html` autofocus`}
    />
    <div class="actions"><button type="submit">${opts.submitLabel ?? "Email me a sign-in link"}</button></div>
  </form>`;
}

/** A trimmed, lower-cased email address, or a 400 saying what is wrong with it. */
export function parseEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (!email) throw badRequest("Enter your email address.");
  if (email.length > 254 || !z.email().safeParse(email).success) {
    throw badRequest(`"${raw.trim()}" is not a valid email address.`);
  }
  return email;
}

/** Sign-in by emailed one-time link, and sign-out. */
export function registerSignInPages(app: FastifyInstance, deps: AppDeps): void {
  app.get("/signin", async (req, reply) => {
    const state = webState(req);
    const next = safeNext(field(req.query, "next") || "/", deps.config);
    const email = field(req.query, "email").slice(0, 254);
    const signedIn = state.user
      ? notice(
          "ok",
          html`You are signed in as ${state.user.email}. <a href="${next}">Continue</a>, or sign in with another address
            below.`,
        )
      : null;
    return sendPage(reply, 200, {
      title: "Sign in",
      state,
      narrow: true,
      body: html`<div class="card">
        <h1>Sign in to OpenTrain</h1>
        ${signedIn}
        <p class="muted">We email you a link that signs you in. New here? The same link creates your account.</p>
        ${signInForm(state, { email, next })}
      </div>`,
    });
  });

  app.post("/signin", async (req, reply) => {
    const state = webState(req);
    const next = safeNext(field(req.body, "next") || "/", deps.config);
    const rawEmail = field(req.body, "email");
    let email: string;
    try {
      email = parseEmail(rawEmail);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      return sendPage(reply, 400, {
        title: "Sign in",
        state,
        narrow: true,
        body: html`<div class="card">
          <h1>Sign in to OpenTrain</h1>
          ${notice("error", err.message)}${signInForm(state, {
            email: rawEmail.slice(0, 254),
            next,
          })}
        </div>`,
      });
    }
    const limit = await deps.rateLimiter.hit(`web-signin:${req.ip}`, deps.config.agentAuthRateLimitPerMinute, 60_000);
    if (!limit.allowed) {
      throw new ApiError(
        "RATE_LIMITED",
        `Too many sign-in requests from this address; try again in ${limit.retryAfterSeconds} seconds.`,
        undefined,
        { "retry-after": String(limit.retryAfterSeconds) },
      );
    }
    await sendLoginLink(state.ctx, { email, next });
    const mailbox =
      deps.config.mode === "sandbox"
        ? html`<p>
            Sandbox mode: no email leaves this machine.
            <a id="mailbox-link" href="/mailbox?to=${encodeURIComponent(email)}">Open the mailbox for ${email}</a>.
          </p>`
        : null;
    return sendPage(reply, 200, {
      title: "Check your email",
      state,
      narrow: true,
      body: html`<div class="card">
        <h1>Check your email</h1>
        <p>We sent a sign-in link to <strong>${email}</strong>. It works once, within 15 minutes.</p>
        ${mailbox}
        <p class="muted small">Wrong address? <a href="/signin?next=${encodeURIComponent(next)}">Start again</a>.</p>
      </div>`,
    });
  });

  app.get("/signin/verify", async (req, reply) => {
    const state = webState(req);
    const token = field(req.query, "token");
    if (!token) throw badRequest("This sign-in link is incomplete; open the link from the email again.");
    let result: Awaited<ReturnType<typeof consumeLoginLink>>;
    try {
      result = await consumeLoginLink(state.ctx, token);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      return messagePage(
        reply,
        state,
        err.status,
        "This sign-in link does not work",
        err.message,
        html`<div class="actions"><a class="button" href="/signin">Request a new link</a></div>`,
      );
    }
    // A session that existed before is ended: sign-in always starts a brand-new session id.
    if (state.sessionSecret) await endSession(state.ctx, state.sessionSecret);
    setSessionCookie(reply, deps.config, result.sessionSecret, SESSION_TTL_MS);
    state.sessionSecret = result.sessionSecret;
    state.user = result.user;
    rotateCsrf(state, reply);
    return reply.redirect(safeNext(field(req.query, "next") || "/", deps.config), 303);
  });

  app.post("/signout", async (req, reply) => {
    const state = webState(req);
    if (state.sessionSecret) await endSession(state.ctx, state.sessionSecret);
    clearSessionCookie(reply, deps.config);
    state.sessionSecret = null;
    state.user = null;
    rotateCsrf(state, reply);
    return reply.redirect(safeNext(field(req.body, "next") || "/", deps.config), 303);
  });
}
