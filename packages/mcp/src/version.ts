import { readFileSync } from "node:fs";

/** Name and version of this package, read from its package.json (works from src/ and dist/). */
export const PACKAGE: { name: string; version: string } = (() => {
  const raw = readFileSync(new URL("../package.json", import.meta.url), "utf8");
  const pkg = JSON.parse(raw) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
})();

/** MCP server name announced in `initialize` (spec 40 §8.1). */
export const SERVER_NAME = "opentrain";
