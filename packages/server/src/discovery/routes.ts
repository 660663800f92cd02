import { pendingMigrations } from "../db/migrate.js";
import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../app.js";
import { authMarkdown, authorizationServerMetadata, llmsTxt, protectedResourceMetadata } from "./documents.js";
import { buildOpenApiDocument } from "./openapi.js";

export const SERVER_VERSION = "0.1.0";

/** Tokenless discovery documents; built once, they only depend on configuration. */
export function registerDiscoveryRoutes(app: FastifyInstance, deps: AppDeps): void {
  const origin = deps.config.publicUrl;
  const interval = deps.config.claimPollIntervalSeconds;
  const openapi = JSON.stringify(buildOpenApiDocument(origin, SERVER_VERSION));
  const cache = "public, max-age=300";
  app.get("/.well-known/oauth-protected-resource", async (_req, reply) =>
    reply.header("cache-control", cache).send(protectedResourceMetadata(origin)),
  );
  app.get("/.well-known/oauth-authorization-server", async (_req, reply) =>
    reply.header("cache-control", cache).send(authorizationServerMetadata(origin, interval)),
  );
  app.get("/auth.md", async (_req, reply) =>
    reply.header("cache-control", cache).type("text/markdown; charset=utf-8").send(authMarkdown(origin, interval)),
  );
  app.get("/llms.txt", async (_req, reply) =>
    reply.header("cache-control", cache).type("text/plain; charset=utf-8").send(llmsTxt(origin)),
  );
  app.get("/api/public/v1/openapi.json", async (_req, reply) =>
    reply
      .header("cache-control", cache)
      .header("access-control-allow-origin", "*")
      .type("application/json")
      .send(openapi),
  );
  app.get("/healthz", async () => ({ ok: true }));
  // Ready: the database answers and holds every migration of this build. A load balancer
  // takes the process out of rotation while either is false.
  app.get("/readyz", async (_req, reply) => {
    reply.header("cache-control", "no-store");
    try {
      const pending = await pendingMigrations(deps.database);
      if (pending.length === 0) return { ready: true };
      return reply.status(503).header("retry-after", "5").send({ ready: false, reason: "migrations_pending", pending });
    } catch {
      return reply.status(503).header("retry-after", "5").send({ ready: false, reason: "database_unavailable" });
    }
  });
}
