import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { McpDeps } from "./context.js";
import { selectTools, type ToolDef, type ToolSelection } from "./inventory.js";
import { registerTools } from "./register.js";
import { PACKAGE, SERVER_NAME } from "./version.js";

export interface CreateServerOptions extends McpDeps, ToolSelection {}

/** Guidance the client may show the model at initialisation. */
export const INSTRUCTIONS = [
  "OpenTrain: hire human AI trainers. Start with opentrain_auth_status.",
  "Without a token, call opentrain_register_agent (no credentials needed), then ask the human for their email and run opentrain_claim_account / opentrain_claim_status.",
  "No tool moves money: hires, milestone funding and releases return an approvalUrl that a signed-in human must confirm — always relay it.",
  "Every result has a text summary with the next step and the API response in structuredContent; failures are isError results with the HTTP status, error code and a hint.",
].join("\n");

/** Builds the `opentrain` MCP server with the selected tools; connect it to a transport. */
export function createServer(options: CreateServerOptions = {}): { server: McpServer; tools: ToolDef[] } {
  const tools = selectTools(options);
  const server = new McpServer(
    { name: SERVER_NAME, version: PACKAGE.version },
    { capabilities: { tools: {} }, instructions: INSTRUCTIONS },
  );
  registerTools(server, tools, options);
  return { server, tools };
}
