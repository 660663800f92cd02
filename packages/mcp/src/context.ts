import type { Operation } from "@opentrain-ai/contract";
import {
  OpenTrainClient,
  credentialsPath,
  resolveMcpSettings,
  type ApiResponse,
  type ResolvedSettings,
} from "@opentrain-ai/sdk";
import { PACKAGE } from "./version.js";

export type Env = Record<string, string | undefined>;

/** What the tool handlers depend on; tests inject env and fetch. */
export interface McpDeps {
  /** Environment to resolve the token, base URL and credentials file from (default process.env). */
  env?: Env;
  fetch?: typeof fetch;
  timeoutMs?: number;
  retryDelaysMs?: readonly number[];
}

/**
 * Per-call context. Settings are resolved lazily and once per tool call, so a token saved by
 * register/claim (here or by the CLI) is used by the very next call without a restart.
 */
export class ToolContext {
  readonly env: Env;
  private readonly deps: McpDeps;
  private resolved: ResolvedSettings | undefined;

  constructor(deps: McpDeps = {}) {
    this.deps = deps;
    this.env = deps.env ?? process.env;
  }

  /** Token, base URL and the stored credentials (may throw CredentialsError on a corrupt file). */
  get settings(): ResolvedSettings {
    this.resolved ??= resolveMcpSettings(this.env);
    return this.resolved;
  }

  /** Base URL without touching the credentials file when it is unreadable. */
  get baseUrlForMessages(): string {
    try {
      return this.settings.baseUrl;
    } catch {
      return this.env.OPENTRAIN_API_BASE_URL ?? "the configured base URL";
    }
  }

  get credentialsPath(): string {
    return credentialsPath(this.env);
  }

  /** A client for the resolved base URL and token (or the given ones). */
  client(overrides: { token?: string | null; baseUrl?: string } = {}): OpenTrainClient {
    const s = overrides.baseUrl !== undefined && overrides.token !== undefined ? null : this.settings;
    return new OpenTrainClient({
      baseUrl: overrides.baseUrl ?? s?.baseUrl,
      token: overrides.token === undefined ? (s?.token ?? null) : overrides.token,
      userAgent: `opentrain-mcp/${PACKAGE.version}`,
      ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
      ...(this.deps.timeoutMs !== undefined ? { timeoutMs: this.deps.timeoutMs } : {}),
      ...(this.deps.retryDelaysMs ? { retryDelaysMs: this.deps.retryDelaysMs } : {}),
    });
  }

  /** Calls an operation; non-2xx answers throw ApiError, transport failures NetworkError. */
  request(
    op: Operation,
    input: Record<string, unknown>,
    overrides: { token?: string | null; baseUrl?: string } = {},
  ): Promise<ApiResponse<unknown>> {
    return this.client(overrides).request(op, stripUndefined(input) as never);
  }
}

/** Drops undefined values so optional tool params never reach the wire as "undefined". */
export function stripUndefined(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input ?? {}).filter(([, v]) => v !== undefined));
}
