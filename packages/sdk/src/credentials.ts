import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { CredentialsError } from "./errors.js";

/** Contents of the shared credentials file (CLI and MCP server). */
export interface Credentials {
  apiToken?: string;
  baseUrl?: string;
  /** Present only between registration and a completed claim. */
  claimToken?: string;
}

type Env = Record<string, string | undefined>;

/** `${XDG_CONFIG_HOME:-~/.config}/opentrain/cli.json` */
export function credentialsPath(env: Env = process.env): string {
  const base =
    env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.trim() !== "" ? env.XDG_CONFIG_HOME : join(homedir(), ".config");
  return join(base, "opentrain", "cli.json");
}

/** Reads the file; null when it does not exist. A corrupt file is an error that says how to fix it. */
export function readCredentials(env: Env = process.env): Credentials | null {
  const path = credentialsPath(env);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new CredentialsError(`Cannot read credentials file ${path}: ${(err as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new CredentialsError(
      `Credentials file ${path} is not valid JSON; fix it or remove it with "opentrain auth logout"`,
    );
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) {
    throw new CredentialsError(`Credentials file ${path} must hold a JSON object`);
  }
  const out: Credentials = {};
  for (const key of ["apiToken", "baseUrl", "claimToken"] as const) {
    const v = (data as Record<string, unknown>)[key];
    if (typeof v === "string" && v !== "") out[key] = v;
  }
  return out;
}

/** True when the file holds a token or a claim token. */
export function hasSavedCredentials(env: Env = process.env): boolean {
  const c = readCredentials(env);
  return Boolean(c && (c.apiToken || c.claimToken));
}

/**
 * Replaces the file atomically (temp file + rename in the same directory), mode 0600, so a
 * crash never leaves a half-written file and another process never reads one.
 */
export function writeCredentials(creds: Credentials, env: Env = process.env): string {
  const path = credentialsPath(env);
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const clean: Credentials = {};
  if (creds.apiToken) clean.apiToken = creds.apiToken;
  if (creds.baseUrl) clean.baseUrl = creds.baseUrl;
  if (creds.claimToken) clean.claimToken = creds.claimToken;
  const tmp = join(dir, `.cli.json.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    writeFileSync(tmp, `${JSON.stringify(clean, null, 2)}\n`, { mode: 0o600, flush: true });
    chmodSync(tmp, 0o600);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new CredentialsError(`Cannot write credentials file ${path}: ${(err as Error).message}`);
  }
  return path;
}

/** Merges `patch` into the stored credentials (undefined keeps a value, null removes it). */
export function updateCredentials(
  patch: { [K in keyof Credentials]?: string | null },
  env: Env = process.env,
): Credentials {
  const current = readCredentials(env) ?? {};
  const next: Credentials = { ...current };
  for (const [k, v] of Object.entries(patch) as [keyof Credentials, string | null | undefined][]) {
    if (v === null) delete next[k];
    else if (v !== undefined) next[k] = v;
  }
  writeCredentials(next, env);
  return next;
}

/** Deletes the file; returns whether one existed. */
export function deleteCredentials(env: Env = process.env): boolean {
  const path = credentialsPath(env);
  try {
    rmSync(path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw new CredentialsError(`Cannot delete credentials file ${path}: ${(err as Error).message}`);
  }
}
