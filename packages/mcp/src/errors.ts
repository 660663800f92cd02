import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { POST_CLAIM_SCOPES, PRE_CLAIM_SCOPES } from "@opentrain-ai/contract";
import { ApiError, CredentialsError, NetworkError } from "@opentrain-ai/sdk";
import type { ToolContext } from "./context.js";
import { failure } from "./results.js";
import { jobErrorAdvice } from "./summaries/jobs.js";
import { moneyErrorAdvice } from "./summaries/money.js";

const API_KEYS_PAGE = "Settings → API keys in the OpenTrain app";

/** Turns anything a handler caught into an isError result; never throws. */
export function errorResult(err: unknown, ctx: ToolContext, toolName: string): CallToolResult {
  try {
    if (err instanceof ApiError) {
      const advice =
        jobErrorAdvice(err.reason, err.details, toolName) ?? moneyErrorAdvice(err.code, err.reason, err.details);
      return failure({
        status: err.status,
        code: err.code,
        message: err.message,
        requestId: err.requestId,
        details: err.details,
        explanation: advice?.lines,
        hint: advice?.hint ?? hintFor(err, ctx, toolName),
      });
    }
    if (err instanceof NetworkError && err.answered) {
      const baseUrl = ctx.baseUrlForMessages;
      const reason = err.cause instanceof Error ? err.cause.message : err.message;
      return failure({
        status: null,
        code: err.code,
        message: `The OpenTrain API at ${baseUrl} answered, but its answer could not be read (${reason}).`,
        requestId: null,
        details: { baseUrl, requestSent: true, answered: true },
        hint: `Retry a read. Before retrying a write, check whether it took effect (it reached the server). If this keeps happening, something between you and ${baseUrl} (a proxy) may be altering answers.`,
      });
    }
    if (err instanceof NetworkError) {
      const baseUrl = ctx.baseUrlForMessages;
      const timedOut = err.code === "TIMEOUT";
      const errno = causeCode(err.cause);
      return failure({
        status: null,
        code: err.code,
        message: timedOut
          ? `The OpenTrain API at ${baseUrl} did not answer in time: ${err.message}`
          : `Could not reach the OpenTrain API at ${baseUrl}${errno ? ` (${errno})` : ""}.`,
        requestId: null,
        details: { baseUrl, ...(errno ? { cause: errno } : {}), requestSent: !err.notSent },
        hint: timedOut
          ? `Retry; if it keeps timing out, check that ${baseUrl} is up.`
          : `Check that the server at ${baseUrl} is running and reachable, or set OPENTRAIN_API_BASE_URL to the right origin (e.g. http://127.0.0.1:3000).${err.notSent ? " The request never reached the server, so nothing changed." : ""}`,
      });
    }
    if (err instanceof CredentialsError) {
      return failure({
        status: null,
        code: "CREDENTIALS_ERROR",
        message: err.message,
        requestId: null,
        details: { credentialsPath: ctx.credentialsPath },
        hint: `Fix or delete ${ctx.credentialsPath} (the CLI's "opentrain auth logout" deletes it), or set OPENTRAIN_PERSONAL_API_TOKEN.`,
      });
    }
    const message = err instanceof Error ? err.message : String(err);
    return failure({
      status: null,
      code: "INTERNAL_ERROR",
      message: `opentrain-mcp failed while running ${toolName}: ${message}`,
      requestId: null,
      hint: "This is a bug in the MCP server; retry once, and report the message if it persists.",
    });
  } catch (inner) {
    // Last resort: building the error result itself failed.
    return {
      isError: true,
      content: [{ type: "text", text: `error INTERNAL_ERROR: ${String(inner)}` }],
      structuredContent: { status: null, error: String(inner), code: "INTERNAL_ERROR", requestId: null, details: null },
    };
  }
}

/** The errno-style code (ECONNREFUSED, ENOTFOUND…) somewhere in a cause chain. */
function causeCode(err: unknown): string | undefined {
  let cur: unknown = err;
  for (let i = 0; i < 5 && cur && typeof cur === "object"; i++) {
    const c = (cur as { code?: unknown }).code;
    if (typeof c === "string") return c;
    const errors = (cur as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0) {
      const inner = causeCode(errors[0]);
      if (inner) return inner;
    }
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

function scopesOf(details: Record<string, unknown> | undefined, key: string): string[] {
  const v = details?.[key];
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : [];
}

/** The next step for an API error, by code and `details.reason`. */
export function hintFor(err: ApiError, ctx: ToolContext, toolName: string): string {
  const reason = err.reason;
  const d = err.details;
  switch (err.code) {
    case "UNAUTHORIZED":
      return unauthorizedHint(ctx);
    case "FORBIDDEN": {
      if (reason === "account_claim_required") {
        const action = typeof d?.action === "string" ? ` to ${d.action}` : "";
        return `A human must claim this account first${action}: ask the human for their email and call opentrain_claim_account, show them the link and code, then poll opentrain_claim_status until it completes.`;
      }
      const required = scopesOf(d, "requiredScopes");
      if (required.length > 0 || reason === "insufficient_scope") {
        const list = required.length > 0 ? required.join(", ") : "the required scope";
        const claimable = required.length > 0 && required.every((s) => isClaimScope(s));
        const viaClaim = claimable
          ? ` If the account is not claimed yet, claiming it (opentrain_claim_account, then opentrain_claim_status) upgrades the token to include ${list}.`
          : "";
        return `The token lacks ${list}. Ask the human to mint a token with ${list} in ${API_KEYS_PAGE} and set it as OPENTRAIN_PERSONAL_API_TOKEN.${viaClaim}`;
      }
      if (typeof d?.featureKey === "string" || reason === "feature_disabled") {
        const key = typeof d?.featureKey === "string" ? d.featureKey : "this";
        return `The ${key} feature is not enabled for this account. Call opentrain_capabilities to see which features are on; ask OpenTrain support to enable it.`;
      }
      if (reason === "teams_not_enabled")
        return "Employer teams are not enabled for this account; ask OpenTrain support to enable them.";
      if (reason === "moderation_blocked")
        return "Moderation blocked the job: fix what details.reasons lists, then try again.";
      if (reason === "message_policy_blocked")
        return "The message broke the content policy: rewrite it and send again.";
      return "The token is not allowed to do this; check the details, then ask the human for a token with the right access.";
    }
    case "NOT_FOUND":
      if (reason === "not_implemented") {
        return "This server does not implement this operation yet; use another tool, or point OPENTRAIN_API_BASE_URL at a server that does.";
      }
      return "Check the id: it does not exist or belongs to another account. List the resource first to find valid ids.";
    case "CONFLICT":
      return conflictHint(reason, d);
    case "BAD_REQUEST":
      return "Fix the input as the message and details describe, then call the tool again.";
    case "PAYMENT_DECLINED":
      return "The payment was declined; ask the human to use another payment method.";
    case "RATE_LIMITED":
    case "rate_limit_exceeded": {
      const after = typeof d?.retryAfterSeconds === "number" ? ` after ${d.retryAfterSeconds} s` : " later";
      return `Too many requests: wait and retry${after}.`;
    }
    case "INTERNAL_ERROR":
    case "server_error":
    case "SERVICE_UNAVAILABLE":
      return "The server failed; retry with backoff, and report the request id if it persists.";
    // OAuth codes from /api/agent/*
    case "anonymous_not_enabled":
      return `Anonymous agent registration is switched off on this server. Ask the human for a token minted in ${API_KEYS_PAGE} and set OPENTRAIN_PERSONAL_API_TOKEN.`;
    case "unsupported_identity_type":
      return "Only anonymous registration is supported; call opentrain_register_agent without an identity type.";
    case "expired_token":
      return "The 24 h claim window has closed. Register a new account with opentrain_register_agent (force: true) and start the claim again with opentrain_claim_account.";
    case "invalid_grant":
      return (
        "The claim token is unknown or its post-claim token was already delivered. Call opentrain_auth_status to see whether the saved token already belongs to the claimed account; if the post-claim token was lost, ask the human to mint one in " +
        `${API_KEYS_PAGE} and set OPENTRAIN_PERSONAL_API_TOKEN.`
      );
    case "access_denied":
      return "The human declined the claim. Ask them whether to try again; if so call opentrain_claim_account to send a new invite.";
    case "authorization_pending":
      return "The human has not completed the claim yet; call opentrain_claim_status again after the poll interval.";
    case "slow_down":
      return "Polling too fast: wait longer than the poll interval before calling opentrain_claim_status again.";
    case "unsupported_grant_type":
      return "This is a bug in the MCP server (wrong grant type); report it.";
    case "invalid_request":
      return invalidRequestHint(err, toolName);
    default:
      if (err.status >= 500) return "The server failed; retry with backoff, and report the request id if it persists.";
      return "Check the message and details, correct the call, and try again.";
  }
}

function isClaimScope(scope: string): boolean {
  return POST_CLAIM_SCOPES.includes(scope as never) && !PRE_CLAIM_SCOPES.includes(scope as never);
}

function unauthorizedHint(ctx: ToolContext): string {
  let source: string;
  let pendingClaim = false;
  try {
    source = ctx.settings.tokenSource;
    pendingClaim = Boolean(ctx.settings.credentials?.claimToken);
  } catch {
    source = "file";
  }
  if (source === "none") {
    return "No API token is configured. Call opentrain_register_agent to create a new agent account (no credentials needed), or set OPENTRAIN_PERSONAL_API_TOKEN to an existing ot_pat_ token and restart the MCP server.";
  }
  if (source === "env") {
    return (
      "The token in OPENTRAIN_PERSONAL_API_TOKEN was rejected (invalid, expired or revoked). Set it to a valid ot_pat_ token (minted in " +
      `${API_KEYS_PAGE}), or unset it to use the saved credentials.`
    );
  }
  const claim = pendingClaim
    ? " A claim is pending: completing it revokes the pre-claim token, so call opentrain_claim_status to fetch and save the post-claim token."
    : "";
  return `The saved token in ${ctx.credentialsPath} was rejected (invalid, expired or revoked).${claim} Otherwise set OPENTRAIN_PERSONAL_API_TOKEN to a valid token, or call opentrain_register_agent with force: true to start a new account.`;
}

function conflictHint(reason: string | undefined, d: Record<string, unknown> | undefined): string {
  switch (reason) {
    case "payment_method_required": {
      const url = typeof d?.billingUrl === "string" ? ` at ${d.billingUrl}` : "";
      return `The account needs a payment method or enough credits: ask the human to add one${url}, then retry.`;
    }
    case "already_accepted":
      return "The proposal is already hired: treat this as done and read the contract with opentrain_list_contracts.";
    case "not_fit_confirmation_required":
      return "The proposal was marked “Not a fit”. If hiring is intended, retry with confirmNotFitOverride: true.";
    case "invite_email_send_failed":
      return "The invitation email could not be sent; retry later.";
    case "token_limit_reached":
      return "The account has too many active tokens; revoke unused ones with opentrain_revoke_token.";
    case "contract_ended":
      return "The contract has ended; no further changes are possible.";
    default:
      return "The current state does not allow this; read the resource again and check the details before retrying.";
  }
}

function invalidRequestHint(err: ApiError, toolName: string): string {
  const msg = err.message.toLowerCase();
  if (msg.includes("email_already_registered")) {
    return `That email already belongs to an OpenTrain account. Ask the human for another email, or for a token minted in ${API_KEYS_PAGE} of their existing account (set OPENTRAIN_PERSONAL_API_TOKEN).`;
  }
  if (msg.includes("expired")) {
    return "The claim window has closed. Register a new account with opentrain_register_agent (force: true) and start the claim again.";
  }
  if (toolName === "opentrain_claim_account" || toolName === "opentrain_claim_status") {
    return "Check the email and claim token. If the claim token is invalid, register again with opentrain_register_agent (force: true).";
  }
  return "Fix the input as the message describes, then call the tool again.";
}
