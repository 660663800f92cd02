import type { FastifyInstance } from "fastify";
import { listMemberships } from "../../services/accounts/list-memberships.js";
import { html } from "../html.js";
import { csrfField, sendPage } from "../layout.js";
import { webState } from "../state.js";

/** GET / — the signed-in human's accounts, or a way to sign in. */
export function registerHomePage(app: FastifyInstance): void {
  app.get("/", async (req, reply) => {
    const state = webState(req);
    if (!state.user) {
      return sendPage(reply, 200, {
        title: "Welcome",
        state,
        narrow: true,
        body: html`<div class="card">
          <h1>OpenTrain for employers</h1>
          <p>Sign in to claim an account your AI agent registered, manage API keys and your team.</p>
          <div class="actions"><a class="button" href="/signin">Sign in</a></div>
          ${state.mode === "sandbox" ? html`<p class="muted small">Sandbox mode: emails arrive in the <a href="/mailbox">mailbox</a>.</p>` : null}
        </div>`,
      });
    }
    const memberships = await listMemberships(state.ctx, state.user.id);
    const accounts =
      memberships.length === 0
        ? html`<p class="muted">
            You do not belong to any account yet. Opening <a href="/settings/api-keys">API keys</a> creates your own
            workspace.
          </p>`
        : html`<ul class="plain">
            ${memberships.map(
              (m) =>
                html`<li>
                  <span class="grow"><strong>${m.accountName}</strong> <span class="badge">${m.role}</span></span>
                  <a href="/settings/api-keys?account=${encodeURIComponent(m.accountId)}">API keys</a>
                  <a href="/team?account=${encodeURIComponent(m.accountId)}">Team</a>
                </li>`,
            )}
          </ul>`;
    return sendPage(reply, 200, {
      title: "Your accounts",
      state,
      body: html`<div class="card">
          <h1>Your accounts</h1>
          <p class="muted">Signed in as ${state.user.email}.</p>
          ${accounts}
        </div>
        <form method="post" action="/signout">
          ${csrfField(state)}<button class="secondary" type="submit">Sign out</button>
        </form>`,
    });
  });
}
