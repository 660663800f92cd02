import formbody from "@fastify/formbody";
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from "fastify";
import type { Logger } from "pino";
import { systemClock, type Clock } from "./clock.js";
import type { Config } from "./config.js";
import type { Database } from "./db/client.js";
import { registerDiscoveryRoutes } from "./discovery/routes.js";
import { ApiError } from "./errors.js";
import { handlers } from "./handlers/index.js";
import { sendError } from "./http/error-body.js";
import { errorHandler } from "./http/error-handler.js";
import { registerOperationRoutes } from "./http/operation-routes.js";
import { MemoryRateLimitStore, RateLimiter } from "./http/rate-limiter.js";
import { genRequestId } from "./http/request-id.js";
import type { SandboxRuntime } from "./sandbox/runtime.js";
import type { ListingCache } from "./services/jobs/listing-cache.js";
import type { InboxCache } from "./services/messages/inbox-cache.js";
import type { AuthCache } from "./services/tokens/auth-cache.js";
import type { EventTailCache } from "./services/updates/event-tail-cache.js";
import { registerWebRoutes } from "./web/routes.js";
import { applySecurityHeaders } from "./web/security.js";

export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  log: Logger;
  rateLimiter: RateLimiter;
  sandbox: SandboxRuntime | null;
  authCache?: AuthCache;
  listingCache?: ListingCache;
  eventTail?: EventTailCache;
  inboxCache?: InboxCache;
}

/** Logs a request once, on completion (with its method and path), instead of also on arrival: every log line is a write. */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, req: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(req)) return;
    const line = { req, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, "request errored");
    else reply.log.info(line, "request completed");
  }
}

export function defaultRateLimiter(): RateLimiter {
  return new RateLimiter(new MemoryRateLimitStore(), () => systemClock.now().getTime());
}

/** The 404 of an unknown URL, in the shape of its surface (OAuth, envelope or an HTML page). */
function notFound(req: FastifyRequest, reply: FastifyReply) {
  const path = req.url.split("?")[0];
  if (req.url.startsWith("/api/agent/")) {
    return reply.status(404).send({ error: "invalid_request", error_description: `No endpoint ${req.method} ${path}` });
  }
  if (req.url.startsWith("/api/")) {
    return sendError(
      req,
      reply,
      new ApiError("NOT_FOUND", `No endpoint ${req.method} ${path}; see /api/public/v1/openapi.json`),
    );
  }
  applySecurityHeaders(reply);
  return reply
    .status(404)
    .type("text/html; charset=utf-8")
    .send('<!doctype html><title>Not found</title><h1>Not found</h1><p><a href="/">OpenTrain home</a></p>');
}

/** Builds the HTTP application: API routes from the registry, discovery documents, web pages. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    genReqId: genRequestId,
    logController: new OneLinePerRequest(),
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.OPENTRAIN_TRUST_PROXY === "1",
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Router-level failures (an undecodable URL, a path segment over 200 characters) answer in
    // the documented shapes too, not Fastify's own.
    frameworkErrors: (err, req, reply) => {
      reply.header("x-request-id", req.id);
      if (!req.url.startsWith("/api/")) return notFound(req, reply);
      if (err.code === "FST_ERR_MAX_PARAM_LENGTH") {
        // The router's cap equals the schemas' 200 characters: the same 400 validation gives.
        return sendError(
          req,
          reply,
          new ApiError("BAD_REQUEST", "Invalid id: at most 200 characters.", { reason: "invalid_id" }),
        );
      }
      return sendError(
        req,
        reply,
        new ApiError("BAD_REQUEST", "The URL is malformed (bad percent-encoding).", { reason: "invalid_url" }),
      );
    },
  });

  // A callback hook, not an async one: it runs on every request, and a promise per request costs.
  app.addHook("onRequest", (req, reply, done) => {
    reply.header("x-request-id", req.id);
    done();
  });
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFound);

  await app.register(formbody, { bodyLimit: 1024 * 1024 });
  // A JSON body that is not an object is rejected by validation with a clear message.
  app.addContentTypeParser("text/plain", { parseAs: "string" }, (_req, body, done) => done(null, body));

  registerOperationRoutes(app, deps, handlers);
  registerDiscoveryRoutes(app, deps);
  registerWebRoutes(app, deps);
  return app;
}
