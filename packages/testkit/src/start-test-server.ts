import { createLogger, loadConfig, startServer, type RunningServer } from "@opentrain-ai/server";
import { createIsolatedDatabase } from "./isolated-database.js";

/** The OPENTRAIN_SECRET_KEY of production-mode test servers (never used outside tests). */
export const TEST_SECRET_KEY = "7e57".repeat(16);

export interface TestServer {
  /** Origin, e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  sandboxSecret: string;
  server: RunningServer;
  close(): Promise<void>;
}

export interface TestServerOptions {
  mode?: "sandbox" | "production";
  /** PostgreSQL URL; defaults to TEST_DATABASE_URL when set, else in-memory PGlite. Each server gets its own database there. */
  databaseUrl?: string | null;
  /** Extra environment variables, as the server would read them. */
  env?: Record<string, string>;
}

/**
 * Starts a real server on 127.0.0.1 with a random port. Rate limits are lifted and the claim
 * poll interval is 0 unless `env` says otherwise, so tests neither throttle nor sleep.
 */
export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const databaseUrl = opts.databaseUrl === undefined ? process.env.TEST_DATABASE_URL : opts.databaseUrl;
  const env: Record<string, string> = {
    PORT: "0",
    HOST: "127.0.0.1",
    OPENTRAIN_MODE: opts.mode ?? "sandbox",
    OPENTRAIN_DATA_DIR: "memory",
    OPENTRAIN_SANDBOX_SECRET: `sbx_test_${Math.random().toString(36).slice(2)}`,
    OPENTRAIN_PUBLIC_URL: "http://127.0.0.1:1",
    OPENTRAIN_COOKIE_SECRET: "test-cookie-secret-test-cookie-secret",
    OPENTRAIN_API_RATE_LIMIT_PER_MINUTE: "1000000",
    OPENTRAIN_AGENT_AUTH_RATE_LIMIT_PER_MINUTE: "1000000",
    OPENTRAIN_PUBLIC_RATE_LIMIT_PER_MINUTE: "1000000",
    OPENTRAIN_CLAIM_POLL_INTERVAL_SECONDS: "0",
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    // Production refuses to start without it; a sandbox generates and keeps its own.
    ...(opts.mode === "production" ? { OPENTRAIN_SECRET_KEY: TEST_SECRET_KEY } : {}),
    ...opts.env,
  };
  const isolated = databaseUrl ? await createIsolatedDatabase(databaseUrl) : null;
  if (isolated) env.DATABASE_URL = isolated.url;
  // The public URL must name the real port, known only after listening: pick a free port, then
  // start the server there. Another process may take the port in between: try another one.
  let config: ReturnType<typeof loadConfig>;
  let server: RunningServer;
  for (let attempt = 1; ; attempt++) {
    const port = opts.env?.PORT ?? String(await freePort());
    env.PORT = port;
    if (!opts.env?.OPENTRAIN_PUBLIC_URL) env.OPENTRAIN_PUBLIC_URL = `http://127.0.0.1:${port}`;
    config = loadConfig(env);
    try {
      server = await startServer(config, { log: createLogger(env.LOG_LEVEL ?? "silent") });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EADDRINUSE" || opts.env?.PORT || attempt >= 5) throw err;
    }
  }
  return {
    baseUrl: config.publicUrl,
    sandboxSecret: config.sandboxSecret,
    server,
    close: async () => {
      await server.close();
      await isolated?.drop();
    },
  };
}

async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === "object" && addr ? addr.port : 0));
    });
  });
}
