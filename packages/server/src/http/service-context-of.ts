import type { FastifyBaseLogger } from "fastify";
import type { AppDeps } from "../app.js";
import type { ServiceContext } from "../services/context.js";

/** The services' context for one request: the app's database, clock, config and caches, the request's logger. */
export function serviceContextOf(deps: AppDeps, log: FastifyBaseLogger): ServiceContext {
  return {
    db: deps.database.db,
    clock: deps.clock,
    config: deps.config,
    log,
    authCache: deps.authCache,
    listingCache: deps.listingCache,
    eventTail: deps.eventTail,
    inboxCache: deps.inboxCache,
  };
}
