import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { ApiError, OAuthError } from "../errors.js";
import { sendError } from "./error-body.js";

/** Errors from Fastify's own body parsing, in words that say what to fix. */
function fromFastify(err: FastifyError): ApiError | null {
  switch (err.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new ApiError("BAD_REQUEST", "The request body is not valid JSON.", { reason: "invalid_json" });
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      // 413 like any proxy in front would answer, with the closed code set's BAD_REQUEST.
      return new ApiError(
        "BAD_REQUEST",
        "The request body is too large (limit 1 MiB); send less data per request.",
        { reason: "body_too_large" },
        undefined,
        413,
      );
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new ApiError("BAD_REQUEST", "Unsupported Content-Type; send application/json.", {
        reason: "unsupported_media_type",
      });
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return new ApiError("BAD_REQUEST", "Content-Length does not match the body.");
    default:
      break;
  }
  if (err instanceof SyntaxError || (err as { type?: string }).type === "entity.parse.failed") {
    return new ApiError("BAD_REQUEST", "The request body could not be parsed.");
  }
  if (typeof err.statusCode === "number" && err.statusCode >= 400 && err.statusCode < 500) {
    return new ApiError(err.statusCode === 404 ? "NOT_FOUND" : "BAD_REQUEST", err.message);
  }
  return null;
}

/** SQLSTATEs and socket errors meaning "the database is not reachable right now" (not a bug). */
const UNAVAILABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND"]);
/** node-postgres raises these without a code when a connection dies or never comes. */
const UNAVAILABLE_MESSAGES = [
  "Connection terminated",
  "timeout exceeded when trying to connect",
  "Client has encountered a connection error",
  "Connection terminated unexpectedly",
  "Query read timeout",
  "the database system is starting up",
  "the database system is shutting down",
];

/**
 * Connection-level database failures become 503 with Retry-After instead of a 500: class 08
 * (connection exception), 57P01-57P03 (admin shutdown, crash, cannot connect now), 53300 (too
 * many connections), socket errors and pg's code-less connection messages. Drizzle wraps the
 * driver's error, so the cause chain is walked.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") {
      if (UNAVAILABLE_CODES.has(code) || code.startsWith("08") || /^57P0[123]$/.test(code) || code === "53300") {
        return true;
      }
    }
    const message = (e as { message?: unknown }).message;
    if (typeof message === "string" && UNAVAILABLE_MESSAGES.some((m) => message.includes(m))) return true;
  }
  return false;
}

/** The single error hook: every failure leaves in the documented shape with the request id. */
export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof ApiError || err instanceof OAuthError) return sendError(req, reply, err);
  const mapped = fromFastify(err);
  if (mapped) return sendError(req, reply, mapped);
  if (isDatabaseUnavailable(err)) {
    req.log.warn({ err: { message: err.message, code: err.code } }, "database unavailable");
    return sendError(
      req,
      reply,
      new ApiError("SERVICE_UNAVAILABLE", "The database is unavailable; retry shortly.", undefined, {
        "retry-after": "5",
      }),
    );
  }
  req.log.error({ err }, "unhandled error");
  return sendError(
    req,
    reply,
    new ApiError("INTERNAL_ERROR", "Something went wrong on our side; retry with backoff and quote the requestId."),
  );
}
