export * from "./client.js";
export * from "./credentials.js";
export * from "./errors.js";
export * from "./settings.js";
export * from "./transport.js";
export * from "./webhooks.js";
