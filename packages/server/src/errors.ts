import { ERROR_STATUS, type ErrorCode, type OAuthErrorCode, OAUTH_ERROR_STATUS } from "@opentrain-ai/contract";

/** The one error type of the server; each surface maps it once (HTTP envelope, web page). */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    /** Extra response headers, e.g. Retry-After. */
    readonly headers?: Record<string, string>,
    /** An HTTP status other than the code's own (413 for BAD_REQUEST body_too_large). */
    status?: number,
  ) {
    super(message);
    this.status = status ?? ERROR_STATUS[code];
  }
}

/** Errors of /api/agent/*, answered in the OAuth wire shape. */
export class OAuthError extends Error {
  override readonly name = "OAuthError";
  readonly status: number;
  constructor(
    readonly code: OAuthErrorCode,
    message: string,
    readonly headers?: Record<string, string>,
    status?: number,
  ) {
    super(message);
    this.status = status ?? OAUTH_ERROR_STATUS[code];
  }
}

export const badRequest = (message: string, details?: Record<string, unknown>) =>
  new ApiError("BAD_REQUEST", message, details);
export const notFound = (message: string, details?: Record<string, unknown>) =>
  new ApiError("NOT_FOUND", message, details);
export const forbidden = (message: string, details?: Record<string, unknown>) =>
  new ApiError("FORBIDDEN", message, details);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new ApiError("CONFLICT", message, details);
