import type { FastifyRequest } from "fastify";
import type { AppDeps } from "../app.js";
import type { RequestContext } from "./request-context.js";

/**
 * The context of one request: the app's database, clock, config and caches, the request's logger,
 * and no principal yet (the gates set it). Written out property by property on purpose: on
 * Node 20's V8, `{ ...base, more }` costs about 2 µs per object; built that way, this context
 * took a fifth of a cached search's server CPU (docs/decisions.md, session 6).
 */
export function requestContextOf(deps: AppDeps, req: FastifyRequest): RequestContext {
  return {
    db: deps.database.db,
    clock: deps.clock,
    config: deps.config,
    log: req.log,
    authCache: deps.authCache,
    listingCache: deps.listingCache,
    eventTail: deps.eventTail,
    inboxCache: deps.inboxCache,
    principal: null,
    req,
    sandbox: deps.sandbox,
  };
}
