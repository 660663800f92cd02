import { z } from "zod";

/** Closed set of Public API error codes (spec 10 §9.1) plus the two this implementation adds. */
export const ERROR_CODES = [
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "PAYMENT_DECLINED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "RATE_LIMITED",
  "INTERNAL_ERROR",
  "SERVICE_UNAVAILABLE",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ERROR_STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  PAYMENT_DECLINED: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
};

/** The code a client should assume for a status when the body carried none. */
export function codeForStatus(status: number): ErrorCode {
  const found = (Object.entries(ERROR_STATUS) as [ErrorCode, number][]).find(([, s]) => s === status);
  if (found) return found[0];
  return status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
}

/** Machine sub-codes carried in `details.reason` (spec 10 §9.3). */
export const ERROR_REASONS = [
  "account_claim_required",
  "payment_method_required",
  "already_accepted",
  "not_fit_confirmation_required",
  "job_not_published",
  "not_a_freelancer",
  "freelancer_unavailable",
  "already_applied",
  "moderation_blocked",
  "message_policy_blocked",
  "employer_first_message_required",
  "read_only_conversation",
  "message_blocked",
  "proposal_not_ready_for_messaging",
  "teams_not_enabled",
  "invite_email_send_failed",
  "contract_ended",
  "contract_rate_missing",
  "milestone_not_funded",
  "milestone_not_fundable",
  "token_limit_reached",
  "feature_disabled",
  "insufficient_scope",
  "not_implemented",
  "not_publish_ready",
  "publish_limit_reached",
  "job_not_draft",
  "job_not_open",
  "idempotency_key_reused",
  "unknown_update_keys",
  "invalid_import",
  "approval_not_pending",
  "proposal_not_hireable",
  "payment_provider_not_configured",
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];

/** Public API error envelope: `{ error, code, requestId, details? }`. */
export const errorEnvelopeSchema = z.object({
  error: z.string(),
  code: z.enum(ERROR_CODES),
  requestId: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/** OAuth wire error codes used by `/api/agent/*` (spec 10 §9.2), with RFC 8628's access_denied. */
export const OAUTH_ERROR_CODES = [
  "unsupported_identity_type",
  "anonymous_not_enabled",
  "rate_limit_exceeded",
  "invalid_request",
  "server_error",
  "authorization_pending",
  "slow_down",
  "expired_token",
  "invalid_grant",
  "unsupported_grant_type",
  "access_denied",
] as const;
export type OAuthErrorCode = (typeof OAUTH_ERROR_CODES)[number];

export const oauthErrorSchema = z.object({
  error: z.enum(OAUTH_ERROR_CODES),
  error_description: z.string(),
});
export type OAuthError = z.infer<typeof oauthErrorSchema>;

export const OAUTH_ERROR_STATUS: Record<OAuthErrorCode, number> = {
  unsupported_identity_type: 400,
  anonymous_not_enabled: 403,
  rate_limit_exceeded: 429,
  invalid_request: 400,
  server_error: 500,
  authorization_pending: 400,
  slow_down: 400,
  expired_token: 400,
  invalid_grant: 400,
  unsupported_grant_type: 400,
  access_denied: 400,
};

/**
 * Stable process exit codes of the `opentrain` CLI. Part of the public surface: scripts branch
 * on them, so values never change meaning (README lists them).
 */
export const EXIT_CODES = {
  OK: 0,
  FAILURE: 1,
  USAGE: 2,
  UNAUTHORIZED: 3,
  FORBIDDEN: 4,
  NOT_FOUND: 5,
  BAD_REQUEST: 6,
  CONFLICT: 7,
  RATE_LIMITED: 8,
  NETWORK: 9,
  PENDING: 10,
  /** A co-sign approval ended without a confirmation: the human declined it, or it expired. */
  NOT_CONFIRMED: 11,
} as const;
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** Exit code for an API error code (HTTP or OAuth). */
export function exitCodeFor(code: string, status?: number): ExitCode {
  switch (code) {
    case "UNAUTHORIZED":
      return EXIT_CODES.UNAUTHORIZED;
    case "FORBIDDEN":
    case "anonymous_not_enabled":
    case "access_denied":
      return EXIT_CODES.FORBIDDEN;
    case "NOT_FOUND":
      return EXIT_CODES.NOT_FOUND;
    case "BAD_REQUEST":
    case "PAYMENT_DECLINED":
    case "invalid_request":
    case "invalid_grant":
    case "expired_token":
    case "unsupported_grant_type":
    case "unsupported_identity_type":
      return EXIT_CODES.BAD_REQUEST;
    case "CONFLICT":
      return EXIT_CODES.CONFLICT;
    case "RATE_LIMITED":
    case "rate_limit_exceeded":
      return EXIT_CODES.RATE_LIMITED;
    case "authorization_pending":
    case "slow_down":
      return EXIT_CODES.PENDING;
    case "SERVICE_UNAVAILABLE":
    case "NETWORK_ERROR":
    case "TIMEOUT":
      return EXIT_CODES.NETWORK;
    default:
      if (status !== undefined && status >= 500) return EXIT_CODES.NETWORK;
      return EXIT_CODES.FAILURE;
  }
}
