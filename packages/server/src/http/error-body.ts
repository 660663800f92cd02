import type { FastifyReply, FastifyRequest } from "fastify";
import { ERROR_STATUS } from "@opentrain-ai/contract";
import { ApiError, OAuthError } from "../errors.js";

/** Which wire shape errors of a URL use: OAuth for /api/agent, the envelope elsewhere. */
export function errorShapeFor(url: string): "oauth" | "envelope" {
  return url.startsWith("/api/agent/") ? "oauth" : "envelope";
}

/** Sends an ApiError as the Public API envelope. */
export function sendApiError(req: FastifyRequest, reply: FastifyReply, err: ApiError): FastifyReply {
  if (err.headers) reply.headers(err.headers);
  const body: Record<string, unknown> = { error: err.message, code: err.code, requestId: req.id };
  if (err.details && Object.keys(err.details).length > 0) body.details = err.details;
  return reply.status(err.status).send(body);
}

/** Sends an OAuthError in the OAuth wire shape. */
export function sendOAuthError(reply: FastifyReply, err: OAuthError): FastifyReply {
  if (err.headers) reply.headers(err.headers);
  reply.header("cache-control", "no-store");
  return reply.status(err.status).send({ error: err.code, error_description: err.message });
}

/** Converts an ApiError to the OAuth shape for /api/agent routes (and back), so each surface keeps one shape. */
export function toShape(req: FastifyRequest, err: ApiError | OAuthError): ApiError | OAuthError {
  const shape = errorShapeFor(req.url);
  if (shape === "oauth" && err instanceof ApiError) {
    const code =
      err.code === "RATE_LIMITED"
        ? "rate_limit_exceeded"
        : err.status >= 500
          ? "server_error"
          : err.code === "FORBIDDEN"
            ? "anonymous_not_enabled"
            : "invalid_request";
    // A status the OAuth code does not imply (413, 503) survives the change of shape.
    const status = err.status !== ERROR_STATUS[err.code] || err.status >= 500 ? err.status : undefined;
    return new OAuthError(code, err.message, err.headers, status);
  }
  if (shape === "envelope" && err instanceof OAuthError) {
    return new ApiError(err.status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST", err.message, { reason: err.code });
  }
  return err;
}

export function sendError(req: FastifyRequest, reply: FastifyReply, err: ApiError | OAuthError): FastifyReply {
  const shaped = toShape(req, err);
  return shaped instanceof OAuthError ? sendOAuthError(reply, shaped) : sendApiError(req, reply, shaped);
}
