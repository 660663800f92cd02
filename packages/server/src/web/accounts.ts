import type { FastifyReply } from "fastify";
import { ApiError, notFound } from "../errors.js";
import { createHumanAccount } from "../services/accounts/create-human-account.js";
import { listMemberships, type Membership } from "../services/accounts/list-memberships.js";
import { withTransaction, type Principal } from "../services/context.js";
import type { UserRow } from "../services/users/find-user-by-email.js";
import { html, type SafeHtml } from "./html.js";
import type { WebState } from "./state.js";

/** Sends a signed-out visitor to sign in, coming back to `returnTo` afterwards. */
export function redirectToSignIn(reply: FastifyReply, returnTo: string): FastifyReply {
  return reply.redirect(`/signin?next=${encodeURIComponent(returnTo)}`, 303);
}

/** The signed-in user of a POST; a form posted after the session ended gets a page saying so. */
export function requirePostUser(state: WebState): UserRow {
  if (!state.user) throw new ApiError("UNAUTHORIZED", "Your session has ended. Sign in again and retry.");
  return state.user;
}

export interface AccountChoice {
  current: Membership;
  all: Membership[];
}

/**
 * The account a page acts on: `requested` when the user belongs to it (anything else is a 404,
 * so other accounts' ids reveal nothing), else the first membership (owned first). A user
 * without any account gets a new human workspace when `createIfNone` is set.
 */
export async function chooseAccount(
  state: WebState,
  user: UserRow,
  requested: string,
  opts: { createIfNone?: boolean } = {},
): Promise<AccountChoice> {
  let all = await listMemberships(state.ctx, user.id);
  if (all.length === 0 && opts.createIfNone) {
    all = await withTransaction(state.ctx, async (tx) => {
      const again = await listMemberships(tx, user.id);
      if (again.length > 0) return again;
      await createHumanAccount(tx, user);
      return listMemberships(tx, user.id);
    });
  }
  const current = requested ? all.find((m) => m.accountId === requested) : all[0];
  if (!current) {
    throw requested
      ? notFound("No account with this id is available to you.")
      : notFound("You do not belong to any account yet.");
  }
  return { current, all };
}

/** The signed-in human acting on one of their accounts, in the shape the token services take. */
export function principalFor(user: UserRow, membership: Membership): Principal {
  return {
    tokenId: "",
    tokenName: "",
    userId: user.id,
    accountId: membership.accountId,
    scopes: [],
    claimed: membership.claimed,
    role: membership.role,
  };
}

/** A GET form to switch the account a settings page shows (only when there is more than one). */
export function accountSwitcher(path: string, choice: AccountChoice): SafeHtml {
  if (choice.all.length < 2) return html``;
  return html`<form method="get" action="${path}" class="actions">
    <label class="small" for="account-select">Account</label>
    <select id="account-select" name="account">
      ${choice.all.map(
        (m) =>
          html`<option value="${m.accountId}" ${m.accountId === choice.current.accountId ? html` selected` : html``}>
            ${m.accountName} (${m.role.toLowerCase()})
          </option>`,
      )}
    </select>
    <button class="secondary" type="submit">Switch</button>
  </form>`;
}
