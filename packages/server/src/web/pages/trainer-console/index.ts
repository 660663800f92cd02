import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../../app.js";
import { notFoundPage } from "../../error-page.js";
import { registerTrainerConversation } from "./conversation.js";
import { registerTrainerJobs } from "./jobs.js";
import { registerTrainerOverview } from "./overview.js";
import { registerTrainerPicker } from "./picker.js";

/**
 * The sandbox trainer console (spec 50): a person acts as any sandbox trainer. Served only in
 * sandbox mode (404 otherwise, like the mailbox) and without sign-in (docs/decisions.md); every
 * form still carries its CSRF token.
 */
export function registerTrainerConsolePages(app: FastifyInstance, deps: AppDeps): void {
  const sandbox = deps.config.mode === "sandbox";
  void app.register(async (scope) => {
    scope.addHook("preHandler", async (req, reply) => {
      if (!sandbox) return notFoundPage(req, reply);
    });
    registerTrainerPicker(scope);
    registerTrainerOverview(scope);
    registerTrainerJobs(scope);
    registerTrainerConversation(scope);
  });
}
