import type { Operation } from "@opentrain-ai/contract";
import type { OpenTrainClient, ResolvedSettings } from "@opentrain-ai/sdk";
import { noTokenError, UsageError } from "./errors.js";
import type { IO } from "./io.js";
import { cliVersion } from "./version.js";

export type Env = Record<string, string | undefined>;

/** What the program needs from the outside; tests replace any of it. */
export interface CliDeps {
  io: IO;
  env?: Env;
  /** HTTP implementation handed to the SDK (tests stub the server with it). */
  fetch?: typeof fetch;
  /** Waits between claim polls. */
  sleep?: (ms: number) => Promise<void>;
  /** Milliseconds clock for timeouts. */
  now?: () => number;
  /** SDK retry delays for GETs (tests make them 0). */
  retryDelaysMs?: readonly number[];
  /**
   * Registers `handler` for Ctrl-C (SIGINT) and SIGTERM, for commands that run until stopped
   * (`updates poll --follow`, `webhooks listen`); returns the unregister function.
   */
  onInterrupt?: (handler: () => void) => () => void;
}

/** The process signals that stop a long-running command. */
function processInterrupts(handler: () => void): () => void {
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return () => {
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
  };
}

/** Options every command accepts. */
export interface GlobalOptions {
  json: boolean;
  baseUrl?: string;
}

/**
 * Lazy dependencies for one command run, like gh's Factory: a command only pays for what it
 * uses (the SDK is loaded on first use), and tests replace exactly one thing.
 */
export class Context {
  readonly io: IO;
  readonly env: Env;
  readonly globals: GlobalOptions;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
  readonly onInterrupt: (handler: () => void) => () => void;
  private readonly deps: CliDeps;
  private settingsCache: ResolvedSettings | undefined;

  constructor(deps: CliDeps, globals: GlobalOptions) {
    this.deps = deps;
    this.io = deps.io;
    this.env = deps.env ?? process.env;
    this.globals = globals;
    this.sleep = deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.now = deps.now ?? Date.now;
    this.onInterrupt = deps.onInterrupt ?? processInterrupts;
  }

  get json(): boolean {
    return this.globals.json;
  }

  /** The SDK module, loaded on first use. */
  sdk(): Promise<typeof import("@opentrain-ai/sdk")> {
    return import("@opentrain-ai/sdk");
  }

  /** Token and base URL resolved per spec §7.4 (flag → env → file → default). */
  async settings(): Promise<ResolvedSettings> {
    if (this.settingsCache) return this.settingsCache;
    const { resolveCliSettings } = await this.sdk();
    try {
      this.settingsCache = resolveCliSettings({ baseUrlFlag: this.globals.baseUrl, env: this.env });
    } catch (err) {
      if (err instanceof Error && err.message.startsWith("Invalid base URL")) throw new UsageError(err.message);
      throw err;
    }
    return this.settingsCache;
  }

  /** A client for `baseUrl` with an explicit token (login verification, freshly minted tokens). */
  async clientWith(
    opts: { token?: string | null; sandboxSecret?: string | null; baseUrl?: string } = {},
  ): Promise<OpenTrainClient> {
    const { OpenTrainClient } = await this.sdk();
    const baseUrl = opts.baseUrl ?? (await this.settings()).baseUrl;
    return new OpenTrainClient({
      baseUrl,
      token: opts.token ?? null,
      sandboxSecret: opts.sandboxSecret ?? null,
      userAgent: `opentrain-cli/${cliVersion()}`,
      ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
      ...(this.deps.retryDelaysMs ? { retryDelaysMs: this.deps.retryDelaysMs } : {}),
    });
  }

  /**
   * The client an operation needs: bearer operations require a token (no server call without
   * one), sandbox operations the sandbox secret.
   */
  async clientFor(op: Operation, opts: { sandboxSecret?: string } = {}): Promise<OpenTrainClient> {
    const settings = await this.settings();
    if (op.auth === "bearer") {
      if (!settings.token) throw noTokenError();
      return this.clientWith({ token: settings.token, baseUrl: settings.baseUrl });
    }
    if (op.auth === "sandbox") {
      return this.clientWith({ sandboxSecret: this.sandboxSecret(opts.sandboxSecret), baseUrl: settings.baseUrl });
    }
    return this.clientWith({ baseUrl: settings.baseUrl });
  }

  /** `--sandbox-secret` → `OPENTRAIN_SANDBOX_SECRET`, or a usage error saying where to find it. */
  sandboxSecret(flag?: string): string {
    const secret = flag?.trim() || this.env.OPENTRAIN_SANDBOX_SECRET?.trim();
    if (!secret) {
      throw new UsageError(
        "the sandbox secret is missing: pass --sandbox-secret <secret> or set OPENTRAIN_SANDBOX_SECRET (the server prints it in its start-up banner)",
      );
    }
    return secret;
  }

  /** The saved token, or the missing-token error. */
  async requireToken(): Promise<string> {
    const s = await this.settings();
    if (!s.token) throw noTokenError();
    return s.token;
  }

  /** Prints `value` as pretty JSON on stdout. */
  printJson(value: unknown): void {
    this.io.println(JSON.stringify(value ?? {}, null, 2));
  }
}
