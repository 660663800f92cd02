import cookie from "@fastify/cookie";
import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../app.js";
import { ApiError } from "../errors.js";
import { findNul } from "../http/validate-input.js";
import { webErrorHandler } from "./error-page.js";
import { STYLESHEET } from "./layout.js";
import { registerApiKeyPages } from "./pages/api-keys.js";
import { registerApprovalPages } from "./pages/approvals.js";
import { registerBillingPages } from "./pages/billing.js";
import { registerCheckoutPages } from "./pages/checkout.js";
import { registerClaimPages } from "./pages/claim.js";
import { registerHomePage } from "./pages/home.js";
import { registerJobPage } from "./pages/job.js";
import { registerMailboxPages } from "./pages/mailbox.js";
import { registerSignInPages } from "./pages/signin.js";
import { registerTeamPages } from "./pages/team.js";
import { registerTrainerConsolePages } from "./pages/trainer-console/index.js";
import { applySecurityHeaders } from "./security.js";
import { loadWebState } from "./state.js";

const ASSET_PREFIX = "/assets/";

/**
 * Human web pages (sign-in, mailbox, claim, API keys, team, public job listings, the sandbox trainer
 * console), server-rendered and usable
 * without JavaScript. They live in their own encapsulated scope: security headers on every
 * response, session + CSRF state loaded before each handler (every POST must carry its CSRF
 * token), and errors rendered as pages instead of the API envelope.
 */
export function registerWebRoutes(app: FastifyInstance, deps: AppDeps): void {
  void app.register(async (web) => {
    // Sessions are the web pages' alone: API requests skip the cookie hooks (a cost on every call).
    await web.register(cookie, { secret: deps.config.cookieSecret });
    web.addHook("onSend", async (_req, reply, payload) => {
      applySecurityHeaders(reply);
      return payload;
    });
    web.addHook("preHandler", async (req, reply) => {
      if (req.url.startsWith(ASSET_PREFIX)) return;
      // PostgreSQL text cannot hold U+0000: refuse it here instead of failing in a query.
      if (findNul(req.params) ?? findNul(req.query) ?? findNul(req.body)) {
        throw new ApiError("BAD_REQUEST", "The address or form contains a NUL character; remove it and try again.");
      }
      await loadWebState(deps, req, reply);
    });
    web.setErrorHandler(webErrorHandler);

    web.get(`${ASSET_PREFIX}app.css`, async (_req, reply) =>
      reply.header("cache-control", "public, max-age=3600").type("text/css; charset=utf-8").send(STYLESHEET),
    );
    registerHomePage(web);
    registerSignInPages(web, deps);
    registerMailboxPages(web, deps);
    registerClaimPages(web);
    registerApiKeyPages(web);
    registerTeamPages(web);
    registerJobPage(web);
    registerApprovalPages(web);
    registerBillingPages(web);
    registerCheckoutPages(web, deps);
    registerTrainerConsolePages(web, deps);
  });
}
