import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import type { Logger } from "pino";
import { buildApp, defaultRateLimiter } from "./app.js";
import { systemClock, VirtualClock, type Clock } from "./clock.js";
import type { Config } from "./config.js";
import { openDatabase, type Database } from "./db/client.js";
import { migrate } from "./db/migrate.js";
import { PostgresRateLimitStore } from "./db/rate-limit-store.js";
import { RateLimiter } from "./http/rate-limiter.js";
import { createLogger } from "./logger.js";
import { SandboxRuntime } from "./sandbox/runtime.js";
import { seedMarketplace } from "./sandbox/seed/seed-jobs.js";
import { createSimulator } from "./sandbox/simulator/simulator.js";
import { seedTrainers } from "./sandbox/trainers/seed-trainers.js";
import { AuthCache } from "./services/tokens/auth-cache.js";
import { AUTH_CHANGES_CHANNEL } from "./services/tokens/principals-changed.js";

export interface RunningServer {
  app: FastifyInstance;
  config: Config;
  database: Database;
  clock: Clock;
  sandbox: SandboxRuntime | null;
  /** Origin the server listens on (http://127.0.0.1:PORT). */
  address: string;
  /** Stops accepting connections, drains in-flight requests, closes the database. */
  close(): Promise<void>;
}

/** Opens the database, runs migrations, builds the app and listens. */
export async function startServer(
  config: Config,
  opts: { log?: Logger; listen?: boolean } = {},
): Promise<RunningServer> {
  const log = opts.log ?? createLogger(config.logLevel);
  const database = await openDatabase(config);
  const applied = await migrate(database);
  if (applied.length > 0) log.info({ migrations: applied }, "migrations applied");
  let clock: Clock = systemClock;
  let sandbox: SandboxRuntime | null = null;
  if (config.mode === "sandbox") {
    const virtual = new VirtualClock();
    const serviceLog = log as unknown as FastifyBaseLogger;
    sandbox = new SandboxRuntime(virtual, database, serviceLog);
    await sandbox.syncClock();
    clock = virtual;
    // Simulated trainers apply to published jobs and answer invitations as virtual time passes.
    sandbox.onDue("simulator", createSimulator({ db: database.db, clock, config, log: serviceLog }));
    const seeded = await seedMarketplace(
      { db: database.db, clock, config, log: serviceLog },
      { seed: config.sandboxSeed, jobs: config.sandboxSeedJobs },
    );
    if (seeded > 0) log.info({ jobs: seeded, seed: config.sandboxSeed }, "sandbox marketplace seeded");
    const trainers = await seedTrainers(
      { db: database.db, clock, config, log: serviceLog },
      { seed: config.sandboxSeed },
    );
    if (trainers > 0) log.info({ trainers, seed: config.sandboxSeed }, "sandbox trainers seeded");
  }
  // Served from only once change notices arrive (at once on PGlite, after LISTEN on PostgreSQL).
  const authCache = new AuthCache(config.authCacheTtlSeconds * 1000, { live: false });
  await database
    .listen(AUTH_CHANGES_CHANNEL, {
      onNotify: (accountId) => authCache.invalidate(accountId),
      onLive: (live) => authCache.setLive(live),
    })
    .catch((err: unknown) => log.warn({ err }, "auth change notices unavailable; principals are not cached"));
  // Several processes share one PostgreSQL: their rate limits must count in one place.
  const rateLimiter =
    database.kind === "postgres"
      ? new RateLimiter(await PostgresRateLimitStore.open(database), () => systemClock.now().getTime())
      : defaultRateLimiter();
  const app = await buildApp({ config, database, clock, log, rateLimiter, sandbox, authCache });
  let address = "";
  if (opts.listen !== false) {
    address = await app.listen({ port: config.port, host: config.host });
  }
  sandbox?.start(config.sandboxTickSeconds * 1000);
  let closing: Promise<void> | null = null;
  return {
    app,
    config,
    database,
    clock,
    sandbox,
    address,
    close: () => {
      closing ??= (async () => {
        await sandbox?.stop();
        await app.close();
        await database.close();
      })();
      return closing;
    },
  };
}
