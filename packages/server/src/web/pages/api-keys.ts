import { SCOPES, type Scope, type TokenRecord } from "@opentrain-ai/contract";
import type { FastifyInstance, FastifyReply } from "fastify";
import { ApiError, badRequest } from "../../errors.js";
import { listTokens } from "../../services/tokens/list-tokens.js";
import { mintTokenAsHuman } from "../../services/tokens/mint-as-human.js";
import { revokeToken } from "../../services/tokens/revoke-token.js";
import type { UserRow } from "../../services/users/find-user-by-email.js";
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
import { field, fieldList, webState, type WebState } from "../state.js";

const PATH = "/settings/api-keys";
const MAX_EXPIRY_DAYS = 3650;
const DAY_MS = 24 * 60 * 60 * 1000;

const SCOPE_HELP: Record<Scope, string> = {
  "jobs:read": "read jobs and drafts",
  "jobs:write": "create, edit, publish and close jobs",
  "proposals:read": "proposals, interviews, trainer profiles",
  "proposals:write": "hire and invite trainers",
  "messages:read": "read conversations",
  "messages:write": "send messages",
  "payments:read": "contracts, milestones, credits",
  "payments:write": "fund and approve milestones, top-ups",
  "team:read": "read the team",
  "team:write": "invite team members",
  "webhooks:manage": "webhook subscriptions",
};

const NOTICES: Record<string, string> = { revoked: "The token was revoked; it stops working immediately." };

interface MintForm {
  name: string;
  scopes: string[];
  expiryDays: string;
}

function tokenRow(state: WebState, accountId: string, t: TokenRecord): SafeHtml {
  const revoke =
    t.status === "active"
      ? html`<form class="inline" method="post" action="${PATH}/${encodeURIComponent(t.id)}/revoke">
          ${csrfField(state)}<input type="hidden" name="account" value="${accountId}" />
          <button class="danger" type="submit">Revoke</button>
        </form>`
      : null;
  return html`<tr data-token-id="${t.id}">
    <td><strong>${t.name}</strong><br /><code class="muted small">${t.preview}</code></td>
    <td><span class="scope-list">${t.scopes.map((s) => html`<span class="badge">${s}</span>`)}</span></td>
    <td>
      <span class="badge${t.status === "active" ? "" : " muted"} token-status">${t.status}</span>${
        t.expiresAt && t.status === "active"
          ? html`<br /><span class="muted small">until ${formatTime(t.expiresAt)}</span>`
          : null
      }
    </td>
    <td class="small nowrap">${formatTime(t.createdAt)}</td>
    <td class="small nowrap">${t.lastUsedAt ? formatTime(t.lastUsedAt) : "never"}</td>
    <td>${revoke}</td>
  </tr>`;
}

function mintFormHtml(state: WebState, accountId: string, form: MintForm): SafeHtml {
  return html`<form method="post" action="${PATH}" id="mint-form">
    ${csrfField(state)}<input type="hidden" name="account" value="${accountId}" />
    <label for="token-name">Name</label>
    <input
      id="token-name"
      type="text"
      name="name"
      maxlength="120"
      required
      value="${form.name}"
      placeholder="e.g. Hiring agent"
    />
    <label>Scopes</label>
    <div class="scopes">
      ${SCOPES.map(
        (s) =>
          html`<label title="${SCOPE_HELP[s]}"
            ><input type="checkbox" name="scopes" value="${s}" ${form.scopes.includes(s) ? html` checked` : html``} />
            <span><code>${s}</code><br /><span class="muted small">${SCOPE_HELP[s]}</span></span></label
          >`,
      )}
    </div>
    <p class="muted small">
      payments:write lets the token fund milestones and buy credits (each payment still needs your confirmation);
      webhooks:manage lets it register webhook endpoints.
    </p>
    <label for="expiry-days">Expires after (days, optional)</label>
    <input
      id="expiry-days"
      type="number"
      name="expiryDays"
      min="1"
      max="${MAX_EXPIRY_DAYS}"
      step="1"
      value="${form.expiryDays}"
      placeholder="never"
    />
    <div class="actions"><button type="submit">Create token</button></div>
  </form>`;
}

async function renderApiKeys(
  reply: FastifyReply,
  state: WebState,
  user: UserRow,
  choice: AccountChoice,
  opts: {
    status?: number;
    error?: string;
    notice?: string;
    created?: { token: string; metadata: TokenRecord };
    form?: MintForm;
  } = {},
): Promise<FastifyReply> {
  const accountId = choice.current.accountId;
  const tokens = await listTokens(state.ctx, principalFor(user, choice.current));
  const created = opts.created
    ? html`<div class="card" id="new-token-card">
        <h2>New token: ${opts.created.metadata.name}</h2>
        ${notice("warn", "Copy this token now. It is shown only once; we store only a hash and cannot show it again.")}
        <code class="secret" id="new-token">${opts.created.token}</code>
        <p class="muted small">
          Use it as <code>Authorization: Bearer …</code>. Scopes: ${opts.created.metadata.scopes.join(", ")}.
        </p>
      </div>`
    : null;
  const list =
    tokens.length === 0
      ? html`<p class="muted">No tokens yet.</p>`
      : html`<table id="tokens">
          <thead>
            <tr>
              <th>Name</th>
              <th>Scopes</th>
              <th>Status</th>
              <th>Created</th>
              <th>Last used</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            ${tokens.map((t) => tokenRow(state, accountId, t))}
          </tbody>
        </table>`;
  const scope =
    choice.current.role === "OWNER"
      ? "All tokens of this account."
      : "Your tokens on this account (the owner sees everyone's).";
  return sendPage(reply, opts.status ?? 200, {
    title: "API keys",
    state,
    body: html`${created}
      <div class="card">
        <h1>API keys</h1>
        <p class="muted">Account <strong>${choice.current.accountName}</strong> · ${scope}</p>
        ${accountSwitcher(PATH, choice)} ${opts.notice ? notice("ok", opts.notice) : null} ${list}
      </div>
      <div class="card">
        <h2>Create a token</h2>
        ${opts.error ? notice("error", opts.error) : null}
        ${mintFormHtml(state, accountId, opts.form ?? { name: "", scopes: [], expiryDays: "" })}
      </div>`,
  });
}

function parseExpiry(raw: string, now: Date): Date | null {
  const text = raw.trim();
  if (!text) return null;
  const days = Number(text);
  if (!Number.isInteger(days) || days < 1 || days > MAX_EXPIRY_DAYS) {
    throw badRequest(`The expiry must be a whole number of days between 1 and ${MAX_EXPIRY_DAYS}, or empty for none.`);
  }
  return new Date(now.getTime() + days * DAY_MS);
}

/** Settings → API keys: list, mint (any scope, shown once) and revoke the account's tokens. */
export function registerApiKeyPages(app: FastifyInstance): void {
  app.get(PATH, async (req, reply) => {
    const state = webState(req);
    if (!state.user) return redirectToSignIn(reply, req.url);
    const choice = await chooseAccount(state, state.user, field(req.query, "account"), { createIfNone: true });
    return renderApiKeys(reply, state, state.user, choice, { notice: NOTICES[field(req.query, "notice")] });
  });

  app.post(PATH, async (req, reply) => {
    const state = webState(req);
    const user = requirePostUser(state);
    const choice = await chooseAccount(state, user, field(req.body, "account"));
    const form: MintForm = {
      name: field(req.body, "name").trim().slice(0, 120),
      scopes: fieldList(req.body, "scopes"),
      expiryDays: field(req.body, "expiryDays").slice(0, 10),
    };
    try {
      if (!form.name) throw badRequest("Give the token a name, so you can recognise it later.");
      const expiresAt = parseExpiry(form.expiryDays, state.ctx.clock.now());
      const created = await mintTokenAsHuman(state.ctx, {
        accountId: choice.current.accountId,
        userId: user.id,
        name: form.name,
        scopes: form.scopes,
        expiresAt,
      });
      return renderApiKeys(reply, state, user, choice, { created });
    } catch (err) {
      if (!(err instanceof ApiError) || err.status >= 500 || err.status === 404) throw err;
      return renderApiKeys(reply, state, user, choice, { status: err.status, error: err.message, form });
    }
  });

  app.post<{ Params: { tokenId: string } }>(`${PATH}/:tokenId/revoke`, async (req, reply) => {
    const state = webState(req);
    const user = requirePostUser(state);
    const choice = await chooseAccount(state, user, field(req.body, "account"));
    await revokeToken(state.ctx, principalFor(user, choice.current), req.params.tokenId);
    const account = encodeURIComponent(choice.current.accountId);
    return reply.redirect(`${PATH}?account=${account}&notice=revoked`, 303);
  });
}
