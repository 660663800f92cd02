import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { ToolContext } from "../context.js";
import type { ToolDef } from "../inventory.js";

export interface OverrideArgs {
  tool: ToolDef;
  /** Tool parameters, already validated against the tool's input schema. */
  params: Record<string, unknown>;
  ctx: ToolContext;
}

/**
 * A hand-written handler for a tool that needs more than one API call or touches the
 * credentials file. It may throw ApiError/NetworkError; the caller shapes those.
 */
export type Override = (args: OverrideArgs) => Promise<CallToolResult>;

/** The operation input for these params, via the contract's `toInput` when present. */
export function toOperationInput(tool: ToolDef, params: Record<string, unknown>): Record<string, unknown> {
  return (tool.meta.toInput ? tool.meta.toInput(params) : params) as Record<string, unknown>;
}
