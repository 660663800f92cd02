import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { resolveMcpSettings } from "@opentrain-ai/sdk";
import type { Env } from "./context.js";
import { UsageError } from "./inventory.js";
import { HELP, parseBinOptions } from "./options.js";
import { createServer } from "./server.js";
import { PACKAGE } from "./version.js";

/**
 * Entry point of the `opentrain-mcp` binary. stdout carries the protocol only, so every
 * diagnostic goes to stderr. Returns the process exit code for early exits (help, version,
 * usage errors); otherwise keeps serving until stdin closes.
 */
export async function main(argv: readonly string[], env: Env = process.env): Promise<number | undefined> {
  let options;
  try {
    options = parseBinOptions(argv, env);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`opentrain-mcp: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  if (options.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (options.version) {
    process.stdout.write(`${PACKAGE.version}\n`);
    return 0;
  }

  const { server, tools } = createServer({ env, toolsets: options.toolsets, readOnly: options.readOnly });
  let where: string;
  try {
    const s = resolveMcpSettings(env);
    where = `${s.baseUrl}, token: ${s.tokenSource}`;
  } catch (err) {
    where = `credentials file unreadable: ${(err as Error).message}`;
  }
  const transport = new StdioServerTransport();
  await server.connect(transport);
  process.stderr.write(
    `opentrain-mcp ${PACKAGE.version}: serving ${tools.length} tools on stdio (${where}${options.readOnly ? ", read-only" : ""})\n`,
  );
  const shutdown = () => {
    void server.close().finally(() => process.exit(0));
  };
  process.stdin.on("end", shutdown);
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  return undefined;
}
