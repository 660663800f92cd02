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
      return new ApiError("BAD_REQUEST", "The request body is too large (limit 1 MiB).", { reason: "body_too_large" });
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

/** Connection-level database failures become 503 with Retry-After instead of a 500. */
function isDatabaseUnavailable(err: unknown): boolean {
  const code = (err as { code?: string })?.code ?? (err as { cause?: { code?: string } })?.cause?.code;
  return (
    typeof code === "string" &&
    (["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "57P01", "57P02", "57P03", "08000", "08003", "08006"].includes(code) ||
      code.startsWith("08"))
  );
}

/** The single error hook: every failure leaves in the documented shape with the request id. */
export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof ApiError || err instanceof OAuthError) return sendError(req, reply, err);
  const mapped = fromFastify(err);
  if (mapped) return sendError(req, reply, mapped);
  if (isDatabaseUnavailable(err)) {
    req.log.error({ err }, "database unavailable");
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
