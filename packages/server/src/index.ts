export { buildApp, type AppDeps } from "./app.js";
export { systemClock, VirtualClock, type Clock } from "./clock.js";
export { loadConfig, ConfigError, type Config, type Mode } from "./config.js";
export { openDatabase, type Database } from "./db/client.js";
export { migrate } from "./db/migrate.js";
export { handlers } from "./handlers/index.js";
export { createLogger } from "./logger.js";
export { startServer, type RunningServer } from "./server.js";
export { buildOpenApiDocument } from "./discovery/openapi.js";
