import { list, obj, str, type Summarizer } from "./types.js";

/** opentrain_register_agent: where the credentials went and the documented next step. */
export function registerSummary(
  data: unknown,
  info: { credentialsPath: string; envTokenSet: boolean; replaced: boolean },
): string {
  const body = obj(data) ?? {};
  const scopes = list(body.scopes).join(", ");
  const lines = [
    `Registered a new anonymous OpenTrain agent account (registration ${str(body.registration_id) ?? "?"}; pre-claim scopes: ${scopes || "none"}).`,
    `Saved credentials to ${info.credentialsPath}${info.replaced ? " (replacing the previous ones)" : ""}; every other tool now uses the new token.`,
  ];
  if (info.envTokenSet) {
    lines[1] = `Saved credentials to ${info.credentialsPath}${info.replaced ? " (replacing the previous ones)" : ""}. Note: OPENTRAIN_PERSONAL_API_TOKEN is set, so the other tools keep using that token, not the new one.`;
  }
  const expires = str(body.claim_token_expires_at);
  if (expires) lines.push(`The claim window ends ${expires}.`);
  lines.push("Next step: ask the human for their email and call opentrain_claim_account.");
  return lines.join("\n");
}

/** opentrain_claim_account: the link and code the human needs, and how to poll. */
export function claimAccountSummary(data: unknown, info: { email: string }): string {
  const body = obj(data) ?? {};
  const code = str(body.user_code) ?? "?";
  const uri = str(body.verification_uri) ?? "?";
  const expires = typeof body.expires_in === "number" ? Math.round(body.expires_in / 60) : 30;
  const interval = typeof body.interval === "number" ? body.interval : 5;
  const sent = body.email_sent === true;
  return [
    `Claim invite started for ${info.email}${sent ? "; a verification email was sent" : "; the verification email could NOT be sent"}.`,
    `Show the human both now (the email can land in spam): open ${uri} and enter the code ${code}. They must sign in or sign up with exactly ${info.email}. The code is valid for ${expires} minutes.`,
    interval > 0
      ? `Next step: call opentrain_claim_status every ${interval} s until the claim completes.`
      : "Next step: call opentrain_claim_status until the claim completes.",
  ].join("\n");
}

/** opentrain_claim_status after the human completed the claim. */
export function claimCompletedSummary(data: unknown, info: { credentialsPath: string; envTokenSet: boolean }): string {
  const body = obj(data) ?? {};
  const scopes = list(body.scopes).join(", ");
  const lines = [
    "Claim complete: a human now owns this account.",
    `Saved the post-claim token to ${info.credentialsPath} and removed the claim token; the pre-claim token is revoked. Scopes now: ${scopes}.`,
  ];
  if (info.envTokenSet) {
    lines.push(
      `Note: OPENTRAIN_PERSONAL_API_TOKEN is set and still takes precedence; if it held the pre-claim token it no longer works — point it at the new token saved in ${info.credentialsPath}.`,
    );
  }
  lines.push("Next step: call opentrain_auth_status to confirm; hiring, messaging and team invites are now allowed.");
  return lines.join("\n");
}

/** opentrain_claim_status while the human has not finished (not an error). */
export function claimPendingSummary(kind: "pending" | "slow_down"): string {
  if (kind === "slow_down") {
    return [
      "Claim still pending, and you are polling too fast (slow_down).",
      "Next step: wait longer — at least the interval from opentrain_claim_account plus 5 s — before calling opentrain_claim_status again.",
    ].join("\n");
  }
  return [
    "Claim pending: the human has not completed it yet.",
    "Next step: make sure they opened the verification link and entered the 6-digit code, then call opentrain_claim_status again after the poll interval (5 s unless opentrain_claim_account said otherwise).",
  ].join("\n");
}

/** opentrain_auth_status: who, which account, claimed or not, scopes. */
export const authStatusSummary: Summarizer = (data, { ctx }) => {
  const body = obj(data) ?? {};
  const actor = obj(body.actor) ?? {};
  const token = obj(body.token) ?? {};
  const account = obj(body.account) ?? {};
  const claimed = account.claimed === true;
  let source = "";
  try {
    source = ctx.settings.tokenSource === "env" ? " from OPENTRAIN_PERSONAL_API_TOKEN" : ` from ${ctx.credentialsPath}`;
  } catch {
    source = "";
  }
  const who = str(actor.fullName) ?? str(actor.userId) ?? "?";
  const lines = [
    `Authenticated as ${who} (user ${str(actor.userId) ?? "?"}${str(actor.email) ? `, ${str(actor.email)}` : ""}), ${str(actor.userType) ?? "?"}.`,
    `Account ${str(account.organizationName) ?? str(account.organizationId) ?? "?"} (${str(account.id) ?? str(account.organizationId) ?? "?"}, ${str(account.kind) ?? "?"}), role ${str(account.memberRole) ?? "?"}; claimed: ${claimed ? `yes${str(account.claimedAt) ? ` (since ${str(account.claimedAt)})` : ""}` : "no"}.`,
    `Token ${str(token.label) ?? "?"} (${str(token.id) ?? "?"})${source}; scopes: ${list(token.scopes).join(", ") || "none"}.`,
  ];
  if (!claimed && "claimed" in account) {
    lines.push(
      "Next step: drafting and publishing work now; to hire, message candidates or invite teammates, ask the human for their email and call opentrain_claim_account.",
    );
  } else {
    lines.push(
      "Next step: call opentrain_capabilities to see which features are enabled, then opentrain_create_job_draft.",
    );
  }
  return lines.join("\n");
};

/** opentrain_capabilities: which features are on, and the drafting catalog in brief. */
export const capabilitiesSummary: Summarizer = (data) => {
  const body = obj(data) ?? {};
  const caps = obj(body.capabilities) ?? {};
  const on = Object.entries(caps)
    .filter(([, v]) => v === true)
    .map(([k]) => k);
  const off = Object.entries(caps)
    .filter(([, v]) => v === false)
    .map(([k]) => k);
  const draft = obj(body.draft) ?? {};
  const lines = [
    `Enabled features: ${on.join(", ") || "none"}.`,
    `Disabled: ${off.join(", ") || "none"} (their tools answer 403).`,
  ];
  const formats = list(draft.importFormats);
  if (formats.length > 0) lines.push(`Import formats: ${formats.join(", ")}.`);
  const keys = list(draft.updateKeys);
  if (keys.length > 0) lines.push(`${keys.length} patchable draft fields (draft.updateKeys); enums in draft.enums.`);
  lines.push("Next step: call opentrain_create_job_draft with the full job description.");
  return lines.join("\n");
};
