import { readFileSync } from "node:fs";

/** Set by the bundler (scripts/bundle-bins.mjs): bundled chunks do not sit next to package.json. */
declare const __OPENTRAIN_CLI_VERSION__: string | undefined;

let cached: string | undefined;

/** The CLI version from package.json (dist/ and src/ both sit one level below it). */
export function cliVersion(): string {
  if (cached) return cached;
  if (typeof __OPENTRAIN_CLI_VERSION__ === "string") return (cached = __OPENTRAIN_CLI_VERSION__);
  try {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version?: string };
    cached = pkg.version ?? "0.0.0";
  } catch {
    cached = "0.0.0";
  }
  return cached;
}
