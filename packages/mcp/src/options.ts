import { parseArgs } from "node:util";
import { TOOLSETS, type Toolset } from "@opentrain-ai/contract";
import type { Env } from "./context.js";
import { UsageError, parseToolsets } from "./inventory.js";
import { PACKAGE } from "./version.js";

export interface BinOptions {
  toolsets: Toolset[] | "all";
  readOnly: boolean;
  help: boolean;
  version: boolean;
}

const TRUE = new Set(["1", "true", "yes", "on"]);

/** Parses argv and the env equivalents (flags win): `--toolsets`, `--read-only`, `--help`, `--version`. */
export function parseBinOptions(argv: readonly string[], env: Env = process.env): BinOptions {
  let values: { toolsets?: string; "read-only"?: boolean; help?: boolean; version?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        toolsets: { type: "string" },
        "read-only": { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError(`${(err as Error).message}. Run opentrain-mcp --help for usage.`);
  }
  const envToolsets = env.OPENTRAIN_TOOLSETS?.trim() ? env.OPENTRAIN_TOOLSETS : undefined;
  const toolsetsRaw = values.toolsets ?? envToolsets;
  const readOnlyEnv = env.OPENTRAIN_READ_ONLY?.trim().toLowerCase();
  return {
    toolsets: toolsetsRaw === undefined ? "all" : parseToolsets(toolsetsRaw),
    readOnly: values["read-only"] ?? (readOnlyEnv !== undefined && TRUE.has(readOnlyEnv)),
    help: values.help ?? false,
    version: values.version ?? false,
  };
}

export const HELP = `opentrain-mcp ${PACKAGE.version} — the OpenTrain MCP server (stdio)

Usage: opentrain-mcp [--toolsets <ids>] [--read-only]

Options:
  --toolsets <ids>  Comma list of toolsets to expose, or "all" (default).
                    Toolsets: ${TOOLSETS.join(", ")}
  --read-only       Expose only tools that change nothing (GET operations).
  -h, --help        Print this help and exit.
  -v, --version     Print the version and exit.

Environment:
  OPENTRAIN_PERSONAL_API_TOKEN  API token (ot_pat_…); when set, the credentials file is not read for the token.
  OPENTRAIN_API_BASE_URL        API origin (default: baseUrl in the credentials file, else https://app.opentrain.ai).
  OPENTRAIN_TOOLSETS            Same as --toolsets.
  OPENTRAIN_READ_ONLY=1         Same as --read-only.
  XDG_CONFIG_HOME               Credentials live in \${XDG_CONFIG_HOME:-~/.config}/opentrain/cli.json (shared with the opentrain CLI).

Register with a client, e.g.: claude mcp add opentrain -- npx -y @opentrain-ai/mcp
`;
