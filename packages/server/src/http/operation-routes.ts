import { API_BASE_PATHS, OPERATIONS, type Operation } from "@opentrain-ai/contract";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ApiError, OAuthError } from "../errors.js";
import type { HandlerMap } from "../handlers/index.js";
import type { AppDeps } from "../app.js";
import { runGates } from "./gates.js";
import { andThen, type MaybePromise } from "../maybe-promise.js";
import type { RateLimitHit } from "./rate-limiter.js";
import { JsonText, StatusResult, type Handler } from "./request-context.js";
import { sendJsonText } from "./send-json-text.js";
import { requestContextOf } from "./request-context-of.js";
import { validateInput } from "./validate-input.js";

/** `/tokens/{tokenId}` → `/api/public/v1/tokens/:tokenId` */
export function routeUrl(op: Operation): string {
  return API_BASE_PATHS[op.api] + op.path.replace(/\{([A-Za-z0-9_]+)\}/g, ":$1");
}

/** Per-IP rate limit bucket of an operation: its limit per minute, or null for none. */
function rateLimitFor(op: Operation, deps: AppDeps): { bucket: string; perMinute: number } | null {
  const c = deps.config;
  if (op.id === "agentAuth.register" || op.id === "agentAuth.claim") {
    return { bucket: op.id, perMinute: c.agentAuthRateLimitPerMinute };
  }
  if (op.api === "sandbox") return null;
  if (op.api === "public" && op.auth === "none") return { bucket: "public", perMinute: c.publicRateLimitPerMinute };
  return { bucket: "api", perMinute: c.apiRateLimitPerMinute };
}

/** Counts the request against its per-IP limit; a promise only when the count needs the database. */
function enforceRateLimit(op: Operation, deps: AppDeps, req: FastifyRequest, reply: FastifyReply): MaybePromise<void> {
  const rule = rateLimitFor(op, deps);
  if (!rule) return;
  return andThen(deps.rateLimiter.hit(`${rule.bucket}:${req.ip}`, rule.perMinute, 60_000), (hit) =>
    applyRateLimit(op, reply, hit),
  );
}

function applyRateLimit(op: Operation, reply: FastifyReply, hit: RateLimitHit): void {
  reply.header("x-ratelimit-limit", String(hit.limit));
  reply.header("x-ratelimit-remaining", String(hit.remaining));
  if (hit.allowed) return;
  const headers = { "retry-after": String(hit.retryAfterSeconds) };
  if (op.api === "agent") {
    throw new OAuthError(
      "rate_limit_exceeded",
      `Too many requests; retry after ${hit.retryAfterSeconds} seconds`,
      headers,
    );
  }
  throw new ApiError(
    "RATE_LIMITED",
    `Too many requests from this address; retry after ${hit.retryAfterSeconds} seconds.`,
    { limit: hit.limit, windowSeconds: 60, retryAfterSeconds: hit.retryAfterSeconds },
    headers,
  );
}

/** Tokenless marketplace reads: callable from any origin and cacheable at the edge (spec 20 §2.8). */
export function isPublicRead(op: Operation): boolean {
  return op.api === "public" && op.auth === "none";
}

export const PUBLIC_CACHE_CONTROL = "public, s-maxage=300, stale-while-revalidate=3600";

/**
 * The CORS headers of a tokenless answer. `Access-Control-Allow-Methods` belongs to the
 * preflight alone (browsers read it nowhere else), so it goes on the OPTIONS answer only.
 */
function setCorsHeaders(reply: FastifyReply): void {
  reply.header("access-control-allow-origin", "*");
  reply.header("access-control-expose-headers", "retry-after, x-request-id, x-ratelimit-limit, x-ratelimit-remaining");
}

/** `OPTIONS` on every tokenless URL: 204 with the CORS headers (the preflight answer). */
function registerPreflights(app: FastifyInstance): void {
  const methodsByUrl = new Map<string, string[]>();
  for (const op of OPERATIONS.filter(isPublicRead)) {
    const url = routeUrl(op);
    methodsByUrl.set(url, [...(methodsByUrl.get(url) ?? []), op.method]);
  }
  for (const [url, methods] of methodsByUrl) {
    app.options(url, async (req, reply) => {
      setCorsHeaders(reply);
      reply.header("access-control-allow-methods", [...methods, "OPTIONS"].join(", "));
      const requested = req.headers["access-control-request-headers"];
      reply.header("access-control-allow-headers", typeof requested === "string" ? requested : "content-type");
      reply.header("access-control-max-age", "86400");
      return reply.status(204).send();
    });
  }
}

/** Registers one route per operation: rate limit → gates → (availability) → validation → handler. */
export function registerOperationRoutes(app: FastifyInstance, deps: AppDeps, handlers: HandlerMap): void {
  registerPreflights(app);
  for (const op of OPERATIONS) {
    if (op.api === "sandbox" && deps.config.mode !== "sandbox") continue;
    const handler = (handlers as Record<string, Handler<Operation> | undefined>)[keyOf(op)];
    const publicRead = isPublicRead(op);
    app.route({
      method: op.method,
      url: routeUrl(op),
      // Not async: an answer known in memory (rate count, principal, cached body) is served in
      // one turn; a step returns a promise only when it has to wait (see maybe-promise.ts).
      handler: (req, reply) => {
        // Before the rate limit, so a browser can read the 429 too.
        if (publicRead) setCorsHeaders(reply);
        return andThen(enforceRateLimit(op, deps, req, reply), () => {
          const ctx = requestContextOf(deps, req);
          return andThen(runGates(ctx, req, op), (principal) => {
            if (!handler) {
              throw new ApiError("NOT_FOUND", `${op.method} ${routeUrl(op)} is not available on this server yet.`, {
                reason: "not_implemented",
                operation: op.id,
              });
            }
            const input = validateInput(op, req);
            ctx.principal = principal;
            return andThen(handler(ctx, input), (result) => sendResult(req, reply, op, publicRead, result));
          });
        });
      },
    });
  }
}

/** Sends a handler's result with the operation's status and cache headers. */
function sendResult(
  req: FastifyRequest,
  reply: FastifyReply,
  op: Operation,
  publicRead: boolean,
  result: unknown,
): MaybePromise<FastifyReply> {
  if (op.api === "agent") reply.header("cache-control", "no-store");
  // Listings (and the bare 404 of an unlisted job) may be cached at the edge.
  if (publicRead) reply.header("cache-control", PUBLIC_CACHE_CONTROL);
  if (result instanceof StatusResult) return reply.status(result.status).send(result.body);
  if (result instanceof JsonText) return sendJsonText(req, reply, op.successStatus, result);
  return reply.status(op.successStatus).send(result);
}

/** `tokens.revoke` → the key of `operations` (`tokensRevoke`). */
const keyByOperation = new Map<Operation, string>();
import { operations } from "@opentrain-ai/contract";
for (const [key, op] of Object.entries(operations)) keyByOperation.set(op as Operation, key);
function keyOf(op: Operation): string {
  return keyByOperation.get(op) ?? op.id;
}
