import type { McpServer, RegisteredTool } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { ToolContext, type McpDeps } from "./context.js";
import { errorResult } from "./errors.js";
import type { ToolDef } from "./inventory.js";
import { OVERRIDES } from "./overrides/index.js";
import { toOperationInput } from "./overrides/types.js";
import { success } from "./results.js";
import { summarize } from "./summaries/index.js";

/**
 * Runs one tool call: the bespoke override when there is one, else map params → input, call
 * the API with the settings resolved for this call, and summarise. Never throws: every failure
 * becomes an isError result with the status, envelope and next step.
 */
export async function runTool(
  tool: ToolDef,
  params: Record<string, unknown>,
  deps: McpDeps = {},
): Promise<CallToolResult> {
  const ctx = new ToolContext(deps);
  try {
    const override = OVERRIDES[tool.name];
    if (override) return await override({ tool, params, ctx });
    const res = await ctx.request(tool.op, toOperationInput(tool, params));
    return success(summarize(res.body, { tool, params, ctx, status: res.status }), res.body);
  } catch (err) {
    return errorResult(err, ctx, tool.name);
  }
}

/** Registers each tool with its zod input schema, title, description and derived annotations. */
export function registerTools(server: McpServer, tools: readonly ToolDef[], deps: McpDeps = {}): RegisteredTool[] {
  return tools.map((tool) =>
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: tool.inputSchema,
        annotations: tool.annotations,
      },
      (args: unknown) => runTool(tool, (args ?? {}) as Record<string, unknown>, deps),
    ),
  );
}
