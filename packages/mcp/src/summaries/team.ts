import { list, obj, plural, str, type Json, type Summarizer } from "./types.js";

function describeTeam(team: Json): string[] {
  const org = obj(team.organization) ?? {};
  const members = list(team.members)
    .map(obj)
    .filter((m): m is Json => m !== undefined);
  const invites = list(team.invites)
    .map(obj)
    .filter((i): i is Json => i !== undefined);
  return [
    `Team ${str(org.name) ?? "?"} (${str(org.id) ?? "?"}), owner ${str(org.ownerName) ?? str(org.ownerUserId) ?? "?"}.`,
    `${plural(members.length, "member")}:`,
    ...members.map(
      (m) => `- ${str(m.name) ?? str(m.userId) ?? "?"}${str(m.email) ? ` <${str(m.email)}>` : ""} ${str(m.role) ?? ""}`,
    ),
    `${plural(invites.length, "pending invite")}${invites.length > 0 ? ":" : "."}`,
    ...invites.map((i) => `- ${str(i.email) ?? "?"} (expires ${str(i.expiresAt) ?? "?"})`),
  ];
}

/** opentrain_get_team */
export const getTeamSummary: Summarizer = (data) => {
  const team = obj(obj(data)?.team) ?? {};
  return [
    ...describeTeam(team),
    "Next step: invite a human with opentrain_invite_team_member (needs a claimed account).",
  ].join("\n");
};

/** opentrain_invite_team_member */
export const inviteTeamMemberSummary: Summarizer = (data) => {
  const body = obj(data) ?? {};
  const email = str(body.email) ?? "?";
  const status = str(body.status);
  const head =
    status === "invite_created"
      ? `Invitation emailed to ${email}; it stays under pending invites until they accept.`
      : status === "member_added"
        ? `${email} already had an OpenTrain account and was added to the team directly.`
        : status === "already_member"
          ? `${email} is already a team member; nothing changed.`
          : `Invite for ${email}: ${status ?? "done"}.`;
  const team = obj(body.team);
  return [
    head,
    ...(team ? describeTeam(team) : []),
    "Next step: check the roster any time with opentrain_get_team.",
  ].join("\n");
};
