import type { AuthMe, Operation, Team, TokenRecord, Webhook } from "@opentrain-ai/contract";
import { renderCreated, renderDeleted, renderWebhook, renderWebhooks } from "../commands/webhooks/render.js";
import type { IO } from "../io.js";
import { text } from "./format.js";
import { renderHuman } from "./human.js";
import { renderPairs, renderTable } from "./table.js";

/** The token table of `tokens list`. */
export function renderTokens(io: IO, tokens: TokenRecord[]): string {
  if (tokens.length === 0) return "No tokens.\n";
  return renderTable(io, {
    headers: ["ID", "NAME", "PREVIEW", "STATUS", "SCOPES", "LAST USED"],
    rows: tokens.map((t) => [t.id, t.name, t.preview, t.status, text(t.scopes), t.lastUsedAt ?? "never"]),
  });
}

/** `team show`: organization, members and pending invites. */
export function renderTeam(io: IO, team: Team): string {
  let out = renderPairs([
    ["Organization", `${team.organization.name} (${team.organization.id})`],
    ["Owner", team.organization.ownerName],
  ]);
  out += `\nMembers (${team.members.length})\n`;
  out += team.members.length
    ? renderTable(io, {
        headers: ["NAME", "EMAIL", "ROLE", "USER ID", "JOINED"],
        rows: team.members.map((m) => [m.name, m.email ?? "-", m.role, m.userId, m.joinedAt]),
      })
    : "No members.\n";
  out += `\nPending invites (${team.invites.length})\n`;
  out += team.invites.length
    ? renderTable(io, {
        headers: ["EMAIL", "INVITED", "EXPIRES", "ID"],
        rows: team.invites.map((i) => [i.email, i.createdAt, i.expiresAt, i.id]),
      })
    : "No pending invites.\n";
  return out;
}

/** `whoami` / `auth status`: who the token belongs to. */
export function renderMe(me: AuthMe, extra: [string, string][] = []): string {
  const user = me.actor.email
    ? `${me.actor.fullName} <${me.actor.email}>`
    : `${me.actor.fullName} (agent, no email yet)`;
  const claimed = me.account.claimed
    ? `yes${me.account.claimedAt ? ` (since ${me.account.claimedAt})` : ""}`
    : 'no — run "opentrain auth claim --email <address>" so a human can claim it';
  return renderPairs([
    ["User", user],
    ["User ID", me.actor.userId],
    ["Account", `${me.account.organizationName} (${me.account.id})`],
    ["Account type", `${me.account.kind}, role ${me.account.memberRole}`],
    ["Claimed", claimed],
    ["Token", `${me.token.label} (${me.token.id})`],
    ["Scopes", text(me.token.scopes)],
    ...extra,
  ]);
}

type Renderer = (io: IO, body: never) => string;

/** Per-operation human layouts; every other operation uses the generic rendering. */
const RENDERERS: Record<string, Renderer> = {
  "tokens.list": (io, body: { tokens: TokenRecord[] }) => renderTokens(io, body.tokens),
  "tokens.revoke": (io, body: { token: TokenRecord }) =>
    `Token ${body.token.id} (${body.token.name}) is ${body.token.status}.\n` + renderTokens(io, [body.token]),
  "team.get": (io, body: { team: Team }) => renderTeam(io, body.team),
  "team.invite": (io, body: { status: string; email: string; team: Team }) => {
    const line =
      body.status === "invite_created"
        ? `Invitation sent to ${body.email}.`
        : body.status === "member_added"
          ? `${body.email} already has an OpenTrain account and was added to the team.`
          : `${body.email} is already a member of the team.`;
    return `${line} (${body.status})\n\n${renderTeam(io, body.team)}`;
  },
  "auth.me": (_io, body: AuthMe) => renderMe(body),
  "webhooks.create": (_io, body: { webhook: Webhook; secret: string }) => renderCreated(body),
  "webhooks.list": (io, body: { webhooks: Webhook[] }) => renderWebhooks(io, body.webhooks),
  "webhooks.get": (_io, body: { webhook: Webhook }) => renderWebhook(body.webhook),
  "webhooks.delete": (_io, body: { webhook: Webhook }) => renderDeleted(body),
  "sandbox.clockGet": (_io, body: { now: string; offsetSeconds: number }) =>
    renderPairs([
      ["Now", body.now],
      ["Offset", `${body.offsetSeconds} s ahead of real time`],
    ]),
  "sandbox.claimsComplete": (_io, body: { accountId: string; email: string; userId: string }) =>
    `Claim completed as the human ${body.email}.\n` +
    renderPairs([
      ["Account", body.accountId],
      ["User", body.userId],
    ]) +
    'Next step: the agent runs "opentrain auth claim-status --wait" to pick up its post-claim token.\n',
};

/** Human output for an operation's answer. */
export function renderOperation(io: IO, op: Operation, body: unknown): string {
  const r = RENDERERS[op.id];
  return r ? r(io, body as never) : renderHuman(io, body);
}
