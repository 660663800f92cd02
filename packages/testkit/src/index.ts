export * from "./actors.js";
export * from "./http.js";
export * from "./start-test-server.js";
export * from "./browser.js";
export * from "./seed-tools.js";
export { createIsolatedDatabase } from "./isolated-database.js";
