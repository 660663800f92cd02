import { DEFAULT_BASE_URL, normalizeBaseUrl } from "./client.js";
import { readCredentials, type Credentials } from "./credentials.js";

type Env = Record<string, string | undefined>;

export interface ResolvedSettings {
  baseUrl: string;
  token: string | null;
  /** Where the token came from, for status output. */
  tokenSource: "env" | "file" | "none";
  credentials: Credentials | null;
}

const nonEmpty = (v: string | undefined) => (v && v.trim() !== "" ? v.trim() : undefined);

/**
 * CLI precedence (spec 10 §16): token `OT_API_TOKEN` → `OPENTRAIN_API_TOKEN` → file;
 * base URL `--base-url` → `OT_API_BASE_URL` → `OPENTRAIN_API_BASE_URL` → file → default.
 */
export function resolveCliSettings(opts: { baseUrlFlag?: string; env?: Env } = {}): ResolvedSettings {
  const env = opts.env ?? process.env;
  const credentials = readCredentials(env);
  const envToken = nonEmpty(env.OT_API_TOKEN) ?? nonEmpty(env.OPENTRAIN_API_TOKEN);
  const token = envToken ?? credentials?.apiToken ?? null;
  const baseUrl =
    nonEmpty(opts.baseUrlFlag) ??
    nonEmpty(env.OT_API_BASE_URL) ??
    nonEmpty(env.OPENTRAIN_API_BASE_URL) ??
    credentials?.baseUrl ??
    DEFAULT_BASE_URL;
  return {
    baseUrl: normalizeBaseUrl(baseUrl),
    token,
    tokenSource: envToken ? "env" : token ? "file" : "none",
    credentials,
  };
}

/**
 * MCP precedence (spec 10 §16): `OPENTRAIN_PERSONAL_API_TOKEN` wins outright (the file is then
 * not read for the token) → file; base URL `OPENTRAIN_API_BASE_URL` → file → default.
 * Re-read on every call so credentials saved by another process are picked up.
 */
export function resolveMcpSettings(env: Env = process.env): ResolvedSettings {
  const envToken = nonEmpty(env.OPENTRAIN_PERSONAL_API_TOKEN);
  const credentials = readCredentials(env);
  const token = envToken ?? credentials?.apiToken ?? null;
  const baseUrl = nonEmpty(env.OPENTRAIN_API_BASE_URL) ?? credentials?.baseUrl ?? DEFAULT_BASE_URL;
  return {
    baseUrl: normalizeBaseUrl(baseUrl),
    token,
    tokenSource: envToken ? "env" : token ? "file" : "none",
    credentials,
  };
}
