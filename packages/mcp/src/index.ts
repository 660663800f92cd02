export { ToolContext, stripUndefined, type Env, type McpDeps } from "./context.js";
export { errorResult, hintFor } from "./errors.js";
export {
  UsageError,
  allTools,
  deriveAnnotations,
  parseToolsets,
  selectTools,
  type ToolDef,
  type ToolSelection,
} from "./inventory.js";
export { HELP, parseBinOptions, type BinOptions } from "./options.js";
export { OVERRIDES, type Override, type OverrideArgs } from "./overrides/index.js";
export { registerTools, runTool } from "./register.js";
export { failure, success, toStructured, type ToolFailure } from "./results.js";
export { INSTRUCTIONS, createServer, type CreateServerOptions } from "./server.js";
export {
  NEXT_STEPS,
  SUMMARIES,
  genericSummary,
  summarize,
  type SummaryInfo,
  type Summarizer,
} from "./summaries/index.js";
export { PACKAGE, SERVER_NAME } from "./version.js";
