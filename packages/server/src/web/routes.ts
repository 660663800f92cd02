import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../app.js";

/** Human web pages (sign-in, mailbox, claim, API keys, team). */
export function registerWebRoutes(app: FastifyInstance, deps: AppDeps): void {
  void app;
  void deps;
}
