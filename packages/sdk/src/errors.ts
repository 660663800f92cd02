import { codeForStatus } from "@opentrain-ai/contract";

/** An error answer from the platform, in either the Public API envelope or the OAuth shape. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: number,
    /** Envelope `code` (e.g. `FORBIDDEN`) or OAuth `error` (e.g. `slow_down`). */
    readonly code: string,
    message: string,
    readonly requestId: string | null,
    readonly details: Record<string, unknown> | undefined,
    /** Which wire shape the server used. */
    readonly shape: "envelope" | "oauth" | "other",
    /** The parsed response body, for callers that need fields beyond the envelope. */
    readonly body: unknown,
  ) {
    super(message);
  }

  /** `details.reason` when the server sent one. */
  get reason(): string | undefined {
    const r = this.details?.reason;
    return typeof r === "string" ? r : undefined;
  }

  /** Builds the error from a non-2xx response body. */
  static fromResponse(status: number, body: unknown, requestIdHeader: string | null): ApiError {
    if (body && typeof body === "object") {
      const b = body as Record<string, unknown>;
      if (typeof b.code === "string" && typeof b.error === "string") {
        const details = b.details && typeof b.details === "object" ? (b.details as Record<string, unknown>) : undefined;
        const requestId = typeof b.requestId === "string" ? b.requestId : requestIdHeader;
        return new ApiError(status, b.code, b.error, requestId, details, "envelope", body);
      }
      if (typeof b.error === "string") {
        const description = typeof b.error_description === "string" ? b.error_description : b.error;
        return new ApiError(status, b.error, description, requestIdHeader, undefined, "oauth", body);
      }
    }
    const code = codeForStatus(status);
    return new ApiError(status, code, `HTTP ${status} from the server`, requestIdHeader, undefined, "other", body);
  }
}

/**
 * The request did not get a usable answer: connection failure, DNS failure, timeout, or an answer
 * whose body could not be read (`answered`).
 */
export class NetworkError extends Error {
  override readonly name = "NetworkError";
  constructor(
    message: string,
    readonly code: "NETWORK_ERROR" | "TIMEOUT",
    /** True when the request provably never reached the server (safe to retry a write). */
    readonly notSent: boolean,
    override readonly cause?: unknown,
    /** True when the server answered but the body could not be read (cut off, corrupt gzip). */
    readonly answered = false,
  ) {
    super(message);
  }
}

/** The credentials file exists but cannot be used as it is. */
export class CredentialsError extends Error {
  override readonly name = "CredentialsError";
}
