#!/usr/bin/env node
import { ConfigError, loadConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { startServer } from "./server.js";

/** `opentrain-server`: configuration from the environment (see README). */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`opentrain-server: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  const server = await startServer(config, { log });
  const db = config.databaseUrl
    ? "PostgreSQL (DATABASE_URL)"
    : config.dataDir === "memory"
      ? "PGlite in memory"
      : `PGlite at ${config.dataDir}`;
  const lines = [
    "",
    `  OpenTrain platform (${config.mode} mode) listening on ${server.address}`,
    `  Public URL:      ${config.publicUrl}`,
    `  Database:        ${db}`,
    `  API:             ${config.publicUrl}/api/public/v1  (OpenAPI: /api/public/v1/openapi.json)`,
    `  Agent auth:      ${config.publicUrl}/auth.md`,
  ];
  if (config.mode === "sandbox") {
    lines.push(`  Mailbox:         ${config.publicUrl}/mailbox`);
    lines.push(`  Trainer console: ${config.publicUrl}/trainer-console`);
    lines.push(
      `  Sandbox secret:  ${config.sandboxSecretGenerated ? config.sandboxSecret : "(from OPENTRAIN_SANDBOX_SECRET)"}`,
    );
    lines.push(`  Point the CLI here: export OPENTRAIN_API_BASE_URL=${config.publicUrl}`);
  }
  process.stderr.write(`${lines.join("\n")}\n\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down: draining in-flight requests");
    // A drain that hangs must not keep the process forever.
    const timer = setTimeout(() => {
      log.error("shutdown timed out after 25 s; exiting");
      process.exit(1);
    }, 25_000);
    timer.unref();
    server.close().then(
      () => {
        log.info("shutdown complete");
        process.exit(0);
      },
      (err: unknown) => {
        log.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((err: unknown) => {
  process.stderr.write(`opentrain-server failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
