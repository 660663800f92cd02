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
import { LISTING_CHANGES_CHANNEL, ListingCache } from "./services/jobs/listing-cache.js";
import { INBOX_CHANGES_CHANNEL, InboxCache } from "./services/messages/inbox-cache.js";
import { EventTailCache } from "./services/updates/event-tail-cache.js";
import { CHANNELS } from "./db/notifications.js";
import { AuthCache } from "./services/tokens/auth-cache.js";
import { AUTH_CHANGES_CHANNEL } from "./services/tokens/principals-changed.js";
import { loadOrCreateSandboxSecretKey } from "./services/secrets/sandbox-secret-key.js";
import { DeliveryWorker } from "./webhooks/delivery-worker.js";

export interface RunningServer {
  app: FastifyInstance;
  config: Config;
  database: Database;
  clock: Clock;
  sandbox: SandboxRuntime | null;
  /** Sends webhook deliveries; started with the server, stopped by close(). */
  webhooks: DeliveryWorker;
  /** Origin the server listens on (http://127.0.0.1:PORT). */
  address: string;
  /** Stops accepting connections, drains in-flight requests, closes the database. */
  close(): Promise<void>;
}

/** Opens the database, runs migrations, builds the app and listens. */
export async function startServer(
  loaded: Config,
  opts: { log?: Logger; listen?: boolean } = {},
): Promise<RunningServer> {
  const log = opts.log ?? createLogger(loaded.logLevel);
  const database = await openDatabase(loaded);
  const applied = await migrate(database);
  if (applied.length > 0) log.info({ migrations: applied }, "migrations applied");
  // A sandbox without OPENTRAIN_SECRET_KEY keeps a generated key in its database (production requires the variable).
  const config: Config = loaded.secretKey
    ? loaded
    : { ...loaded, secretKey: await loadOrCreateSandboxSecretKey(database.db) };
  let clock: Clock = systemClock;
  let sandbox: SandboxRuntime | null = null;
  // Before the simulator, which records events too; served from once its LISTEN is up.
  const eventTail = new EventTailCache({ live: false });
  const inboxCache = new InboxCache({ live: false });
  if (config.mode === "sandbox") {
    const virtual = new VirtualClock();
    const serviceLog = log as unknown as FastifyBaseLogger;
    sandbox = new SandboxRuntime(virtual, database, serviceLog);
    await sandbox.syncClock();
    clock = virtual;
    // Simulated trainers apply to published jobs and answer invitations as virtual time passes.
    sandbox.onDue(
      "simulator",
      createSimulator({ db: database.db, clock, config, log: serviceLog, eventTail, inboxCache }),
    );
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
  const listingCache = new ListingCache({ live: false });
  // OPENTRAIN_READ_CACHES=off: these stay not live, so every read goes to the database.
  if (config.readCaches) {
    await database
      .listen(LISTING_CHANGES_CHANNEL, {
        onNotify: () => listingCache.invalidate(),
        onLive: (live) => listingCache.setLive(live),
      })
      .catch((err: unknown) => log.warn({ err }, "listing change notices unavailable; public answers are not cached"));
    await database
      .listen(CHANNELS.accountEvents, {
        onNotify: (payload) => eventTail.noteNotification(payload),
        onLive: (live) => eventTail.setLive(live),
      })
      .catch((err: unknown) => log.warn({ err }, "event notices unavailable; every poll reads the database"));
    await database
      .listen(INBOX_CHANGES_CHANNEL, {
        onNotify: (accountId) => inboxCache.noteChange(accountId),
        onLive: (live) => inboxCache.setLive(live),
      })
      .catch((err: unknown) =>
        log.warn({ err }, "inbox change notices unavailable; conversation lists are not cached"),
      );
  }
  // Several processes share one PostgreSQL: their rate limits must count in one place.
  const rateLimiter =
    database.kind === "postgres"
      ? new RateLimiter(await PostgresRateLimitStore.open(database), () => systemClock.now().getTime())
      : defaultRateLimiter();
  const webhooks = new DeliveryWorker({
    ctx: { db: database.db, clock, config, log: log as unknown as FastifyBaseLogger },
    database,
    wallClock: systemClock,
  });
  // Registered after the simulator: events it writes while the clock moves are delivered in the same advance.
  sandbox?.onDue("webhooks", () => webhooks.kick());
  const app = await buildApp({
    config,
    database,
    clock,
    log,
    rateLimiter,
    sandbox,
    authCache,
    listingCache,
    eventTail,
    inboxCache,
  });
  let address = "";
  if (opts.listen !== false) {
    try {
      address = await app.listen({ port: config.port, host: config.host });
    } catch (err) {
      // E.g. the port is taken: release the database so the caller may try again.
      await app.close().catch(() => {});
      await database.close().catch(() => {});
      throw err;
    }
  }
  await webhooks.start();
  sandbox?.start(config.sandboxTickSeconds * 1000);
  let closing: Promise<void> | null = null;
  return {
    app,
    config,
    database,
    clock,
    sandbox,
    webhooks,
    address,
    close: () => {
      closing ??= (async () => {
        await sandbox?.stop();
        await app.close();
        await webhooks.stop();
        await database.close();
      })();
      return closing;
    },
  };
}
