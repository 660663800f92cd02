import type { Team } from "@opentrain-ai/contract";
import type { FastifyInstance, FastifyReply } from "fastify";
import { ApiError, forbidden } from "../../errors.js";
import { acceptInvite, findInvite } from "../../services/team/accept-invite.js";
import { getTeam } from "../../services/team/get-team.js";
import { inviteMember } from "../../services/team/invite-member.js";
import { accountSwitcher, chooseAccount, redirectToSignIn, requirePostUser, type AccountChoice } from "../accounts.js";
import { formatTime, html } from "../html.js";
import { csrfField, messagePage, notice, sendPage } from "../layout.js";
import { field, webState, type WebState } from "../state.js";
import { parseEmail, signInForm } from "./signin.js";

const NOTICES: Record<string, string> = {
  invite_created: "Invitation sent. It stays pending here until it is accepted (7 days).",
  member_added: "That person already had an OpenTrain account and was added to the team directly.",
  already_member: "That person is already a member of this team; nothing changed.",
  joined: "Welcome to the team.",
};

const INVALID_INVITE = "This invitation link is not valid. Ask the person who invited you to send a new one.";

function teamPath(accountId: string, notice?: string): string {
  return `/team?account=${encodeURIComponent(accountId)}${notice ? `&notice=${notice}` : ""}`;
}

function renderTeam(
  reply: FastifyReply,
  state: WebState,
  choice: AccountChoice,
  team: Team,
  opts: { status?: number; notice?: string; error?: string; email?: string } = {},
): FastifyReply {
  const accountId = choice.current.accountId;
  const members = html`<table id="members">
    <thead>
      <tr>
        <th>Name</th>
        <th>Email</th>
        <th>Role</th>
        <th>Joined</th>
      </tr>
    </thead>
    <tbody>
      ${team.members.map(
        (m) =>
          html`<tr data-user-id="${m.userId}">
            <td>${m.name}</td>
            <td>${m.email ?? "—"}</td>
            <td><span class="badge">${m.role}</span></td>
            <td class="small">${formatTime(m.joinedAt)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
  const invites =
    team.invites.length === 0
      ? html`<p class="muted">No pending invitations.</p>`
      : html`<table id="invites">
          <thead>
            <tr>
              <th>Email</th>
              <th>Sent</th>
              <th>Expires</th>
            </tr>
          </thead>
          <tbody>
            ${team.invites.map(
              (i) =>
                html`<tr>
                  <td>${i.email}</td>
                  <td class="small">${formatTime(i.createdAt)}</td>
                  <td class="small">${formatTime(i.expiresAt)}</td>
                </tr>`,
            )}
          </tbody>
        </table>`;
  const inviteForm = choice.current.claimed
    ? html`<form method="post" action="/team/invites" id="invite-form">
        ${csrfField(state)}<input type="hidden" name="account" value="${accountId}" />
        <label for="invite-email">Email address</label>
        <input id="invite-email" type="email" name="email" required maxlength="254" value="${opts.email ?? ""}" />
        <div class="actions"><button type="submit">Send invitation</button></div>
      </form>`
    : html`<p class="muted">This account must be claimed by a human before it can invite members.</p>`;
  return sendPage(reply, opts.status ?? 200, {
    title: "Team",
    state,
    body: html`<div class="card">
        <h1>${team.organization.name}</h1>
        <p class="muted">
          Owner: ${team.organization.ownerName} · you are ${choice.current.role === "OWNER" ? "the owner" : "a member"}
        </p>
        ${accountSwitcher("/team", choice)} ${opts.notice ? notice("ok", opts.notice) : null}
        <h2>Members</h2>
        ${members}
      </div>
      <div class="card">
        <h2>Pending invitations</h2>
        ${invites}
      </div>
      <div class="card">
        <h2>Invite a member</h2>
        <p class="muted small">
          Members can use the account's jobs, candidates and messages, and mint their own API keys.
        </p>
        ${opts.error ? notice("error", opts.error) : null} ${inviteForm}
      </div>`,
  });
}

/** The employer team: members, pending invitations, invite form, and accepting an emailed invitation. */
export function registerTeamPages(app: FastifyInstance): void {
  app.get("/team", async (req, reply) => {
    const state = webState(req);
    if (!state.user) return redirectToSignIn(reply, req.url);
    const choice = await chooseAccount(state, state.user, field(req.query, "account"), { createIfNone: true });
    const team = await getTeam(state.ctx, choice.current.accountId);
    return renderTeam(reply, state, choice, team, { notice: NOTICES[field(req.query, "notice")] });
  });

  app.post("/team/invites", async (req, reply) => {
    const state = webState(req);
    const user = requirePostUser(state);
    const choice = await chooseAccount(state, user, field(req.body, "account"));
    const rawEmail = field(req.body, "email").slice(0, 254);
    try {
      const email = parseEmail(rawEmail);
      if (!choice.current.claimed) throw forbidden("This account must be claimed before it can invite members.");
      const result = await inviteMember(state.ctx, {
        accountId: choice.current.accountId,
        invitedByUserId: user.id,
        email,
      });
      return reply.redirect(teamPath(choice.current.accountId, result.status), 303);
    } catch (err) {
      if (!(err instanceof ApiError) || err.status >= 500) throw err;
      const team = await getTeam(state.ctx, choice.current.accountId);
      return renderTeam(reply, state, choice, team, { status: err.status, error: err.message, email: rawEmail });
    }
  });

  app.get("/team/invites/accept", async (req, reply) => {
    const state = webState(req);
    const token = field(req.query, "token");
    const found = token ? await findInvite(state.ctx, token) : null;
    if (!found) return messagePage(reply, state, 404, "Invitation not found", INVALID_INVITE);
    const { invite, accountName } = found;
    if (invite.acceptedAt) {
      return messagePage(
        reply,
        state,
        410,
        "Invitation already used",
        "This invitation has already been accepted.",
        html`<div class="actions"><a href="/team">Go to your team</a></div>`,
      );
    }
    if (state.ctx.clock.now().getTime() >= invite.expiresAt.getTime()) {
      return messagePage(reply, state, 410, "Invitation expired", "This invitation expired; ask for a new one.");
    }
    const here = `/team/invites/accept?token=${encodeURIComponent(token)}`;
    const intro = html`<p>
        You are invited to join the OpenTrain employer team <strong id="team-name">${accountName}</strong>.
      </p>
      <p>The invitation was sent to <strong>${invite.email}</strong> and expires ${formatTime(invite.expiresAt)}.</p>`;
    let action;
    if (!state.user) {
      action = html`<h2>Sign in to accept</h2>
        ${signInForm(state, { email: invite.email, next: here, lockEmail: true })}`;
    } else if (state.user.email?.toLowerCase() !== invite.email.toLowerCase()) {
      action = html`${notice(
          "warn",
          html`You are signed in as <strong>${state.user.email}</strong>. Only <strong>${invite.email}</strong> can
            accept this invitation.`,
        )}
        <form method="post" action="/signout" id="switch-account">
          ${csrfField(state)}<input type="hidden" name="next" value="${here}" /> <button type="submit">Sign out</button>
        </form>`;
    } else {
      action = html`<form method="post" action="/team/invites/accept" id="accept-invite-form">
        ${csrfField(state)}<input type="hidden" name="token" value="${token}" />
        <div class="actions"><button type="submit" id="accept-invite">Accept and join ${accountName}</button></div>
      </form>`;
    }
    return sendPage(reply, 200, {
      title: "Team invitation",
      state,
      narrow: true,
      body: html`<div class="card">
        <h1>Team invitation</h1>
        ${intro}${action}
      </div>`,
    });
  });

  app.post("/team/invites/accept", async (req, reply) => {
    const state = webState(req);
    const user = requirePostUser(state);
    const { accountId } = await acceptInvite(state.ctx, { secret: field(req.body, "token"), user });
    return reply.redirect(teamPath(accountId, "joined"), 303);
  });
}
