import { list, obj, plural, str, type Summarizer } from "./types.js";

function describeToken(t: Record<string, unknown>): string {
  const lastUsed = str(t.lastUsedAt);
  const expires = str(t.expiresAt);
  return `- ${str(t.id) ?? "?"} “${str(t.name) ?? "?"}” ${str(t.preview) ?? ""} [${str(t.status) ?? "?"}] scopes: ${list(t.scopes).join(", ") || "none"}; last used ${lastUsed ?? "never"}${expires ? `; expires ${expires}` : ""}`;
}

/** opentrain_list_tokens */
export const listTokensSummary: Summarizer = (data) => {
  const tokens = list(obj(data)?.tokens)
    .map(obj)
    .filter((t): t is Record<string, unknown> => t !== undefined);
  const active = tokens.filter((t) => t.status === "active").length;
  return [
    `${plural(tokens.length, "token")} (${active} active); secrets are never shown.`,
    ...tokens.map(describeToken),
    "Next step: revoke one you no longer need with opentrain_revoke_token and its id — switch clients to a new token before revoking the one this server uses.",
  ].join("\n");
};

/** opentrain_revoke_token */
export const revokeTokenSummary: Summarizer = (data) => {
  const t = obj(obj(data)?.token) ?? {};
  return [
    `Revoked token ${str(t.id) ?? "?"} “${str(t.name) ?? "?"}” (${str(t.preview) ?? "?"}); status ${str(t.status) ?? "?"}${str(t.revokedAt) ? ` since ${str(t.revokedAt)}` : ""}. It no longer authenticates.`,
    "Next step: if it was the token this server uses, set a new one (OPENTRAIN_PERSONAL_API_TOKEN) before calling other tools; check with opentrain_list_tokens.",
  ].join("\n");
};
