import { randomBytes } from "node:crypto";

export type Mode = "sandbox" | "production";

/** Server configuration, read once from the environment (README lists every variable). */
export interface Config {
  port: number;
  host: string;
  mode: Mode;
  /** PGlite data directory, or "memory". Ignored when databaseUrl is set. */
  dataDir: string;
  databaseUrl: string | null;
  /** Origin used in absolute URLs the API returns (claim links, approval URLs). */
  publicUrl: string;
  /** Bearer secret of the sandbox test helpers. */
  sandboxSecret: string;
  sandboxSecretGenerated: boolean;
  /** Per-IP requests per minute on authenticated Public API routes. */
  apiRateLimitPerMinute: number;
  /** Per-IP registrations and claim starts per minute on /api/agent. */
  agentAuthRateLimitPerMinute: number;
  /** Per-IP requests per minute on tokenless marketplace routes. */
  publicRateLimitPerMinute: number;
  /**
   * Seconds a cached principal may be served without a change notice: the safety net under a
   * lost notification (revocations reach every process by notification first); 0 turns the cache off.
   */
  authCacheTtlSeconds: number;
  /**
   * Per-process caches of the listing, conversation lists and event-log tails, kept true by
   * LISTEN/NOTIFY. Off (OPENTRAIN_READ_CACHES=off) for a pooler that cannot carry LISTEN, or to
   * measure the database path.
   */
  readCaches: boolean;
  /** Minimum seconds between token polls (`interval`). */
  claimPollIntervalSeconds: number;
  logLevel: string;
  /** Signing key for cookies and CSRF tokens. */
  cookieSecret: string;
  /** Seed of the sandbox marketplace (same seed, same seeded jobs). */
  sandboxSeed: string;
  /** Jobs seeded into an empty sandbox database; 0 seeds none. */
  sandboxSeedJobs: number;
  /** Seconds of real time between runs of the sandbox's due work (simulated trainers); 0 turns the tick off. */
  sandboxTickSeconds: number;
  /**
   * 32-byte key that encrypts secrets kept for later use (webhook signing secrets), from
   * OPENTRAIN_SECRET_KEY. Null in a sandbox without it: the server then generates one and keeps
   * it in the database (startServer fills it in). Required in production.
   */
  secretKey: Buffer | null;
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

type Env = Record<string, string | undefined>;

function onOff(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === "") return fallback;
  if (raw === "on" || raw === "true" || raw === "1") return true;
  if (raw === "off" || raw === "false" || raw === "0") return false;
  throw new ConfigError(`${name} must be "on" or "off", got "${env[name]}"`);
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return n;
}

function origin(raw: string, name: string): string {
  try {
    const u = new URL(raw);
    if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error("scheme");
    return u.origin;
  } catch {
    throw new ConfigError(`${name} must be an http(s) origin such as https://opentrain.example.com, got "${raw}"`);
  }
}

/** OPENTRAIN_SECRET_KEY: 64 hex characters or base64 of exactly 32 bytes. */
function secretKey(raw: string | undefined, mode: Mode): Buffer | null {
  const value = raw?.trim();
  if (!value) {
    if (mode === "production") {
      throw new ConfigError(
        "OPENTRAIN_SECRET_KEY is required in production mode (32 random bytes as 64 hex characters: openssl rand -hex 32)",
      );
    }
    return null;
  }
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, "hex");
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
    const key = Buffer.from(value, value.includes("-") || value.includes("_") ? "base64url" : "base64");
    if (key.length === 32) return key;
  }
  throw new ConfigError(
    "OPENTRAIN_SECRET_KEY must be 32 bytes as 64 hex characters (openssl rand -hex 32) or as base64 (openssl rand -base64 32)",
  );
}

/** Parses the environment; throws ConfigError naming the variable to fix. */
export function loadConfig(env: Env = process.env): Config {
  const modeRaw = (env.OPENTRAIN_MODE ?? "sandbox").trim() || "sandbox";
  if (modeRaw !== "sandbox" && modeRaw !== "production") {
    throw new ConfigError(`OPENTRAIN_MODE must be "sandbox" or "production", got "${modeRaw}"`);
  }
  const mode: Mode = modeRaw;
  const port = int(env, "PORT", 8787, 0, 65535);
  const host = env.HOST?.trim() || "127.0.0.1";
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(`DATABASE_URL must be a postgres:// URL, got "${databaseUrl.replace(/:[^:@/]*@/, ":***@")}"`);
  }
  const displayHost = host === "0.0.0.0" || host === "::" ? "localhost" : host === "127.0.0.1" ? "localhost" : host;
  const publicUrl = env.OPENTRAIN_PUBLIC_URL?.trim()
    ? origin(env.OPENTRAIN_PUBLIC_URL.trim(), "OPENTRAIN_PUBLIC_URL")
    : `http://${displayHost}:${port}`;
  if (mode === "production" && !env.OPENTRAIN_PUBLIC_URL?.trim()) {
    throw new ConfigError("OPENTRAIN_PUBLIC_URL is required in production mode (the origin users reach)");
  }
  const secretFromEnv = env.OPENTRAIN_SANDBOX_SECRET?.trim();
  const cookieSecret = env.OPENTRAIN_COOKIE_SECRET?.trim() || randomBytes(32).toString("hex");
  if (mode === "production" && !env.OPENTRAIN_COOKIE_SECRET?.trim()) {
    throw new ConfigError("OPENTRAIN_COOKIE_SECRET is required in production mode (32+ random characters)");
  }
  return {
    port,
    host,
    mode,
    dataDir: env.OPENTRAIN_DATA_DIR?.trim() || ".opentrain/data",
    databaseUrl,
    publicUrl,
    sandboxSecret: secretFromEnv || `sbx_${randomBytes(24).toString("hex")}`,
    sandboxSecretGenerated: !secretFromEnv,
    apiRateLimitPerMinute: int(env, "OPENTRAIN_API_RATE_LIMIT_PER_MINUTE", 600, 1, 10_000_000),
    agentAuthRateLimitPerMinute: int(env, "OPENTRAIN_AGENT_AUTH_RATE_LIMIT_PER_MINUTE", 20, 1, 10_000_000),
    publicRateLimitPerMinute: int(env, "OPENTRAIN_PUBLIC_RATE_LIMIT_PER_MINUTE", 120, 1, 10_000_000),
    authCacheTtlSeconds: int(env, "OPENTRAIN_AUTH_CACHE_TTL_SECONDS", 5, 0, 3600),
    readCaches: onOff(env, "OPENTRAIN_READ_CACHES", true),
    claimPollIntervalSeconds: int(env, "OPENTRAIN_CLAIM_POLL_INTERVAL_SECONDS", 5, 0, 3600),
    logLevel: env.LOG_LEVEL?.trim() || "info",
    cookieSecret,
    sandboxSeed: env.OPENTRAIN_SANDBOX_SEED?.trim() || "opentrain-sandbox-v1",
    sandboxSeedJobs: int(env, "OPENTRAIN_SANDBOX_SEED_JOBS", 240, 0, 100_000),
    sandboxTickSeconds: int(env, "OPENTRAIN_SANDBOX_TICK_SECONDS", 5, 0, 86_400),
    secretKey: secretKey(env.OPENTRAIN_SECRET_KEY, mode),
  };
}
