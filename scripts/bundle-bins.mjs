// Bundles the `opentrain` and `opentrain-mcp` binaries with esbuild after `tsc -b` (part of
// `npm run build`). A cold start then reads a handful of files instead of ~200 ESM modules
// (zod alone is ~95), which was most of the module-loading cost (docs/decisions.md, issue 7).
// Input is the TypeScript source, so the bundle never feeds on its own output; dist/*.js from
// tsc stay next to it (the packages' library entry points still use them).
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** commander is CommonJS: esbuild's ESM output needs a real `require` for its `node:` imports. */
const requireShim =
  'import { createRequire as __otCreateRequire } from "node:module";\n' +
  "const require = __otCreateRequire(import.meta.url);";

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  banner: { js: requireShim },
  legalComments: "none",
  // Less source for V8 to scan at every cold start (~10 ms of `jobs search`); identifiers stay
  // readable in stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: "warning",
};

function version(pkg) {
  return JSON.parse(readFileSync(join(ROOT, "packages", pkg, "package.json"), "utf8")).version;
}

// CLI: code splitting keeps every command module lazy (`--version` loads two small files).
const cliDist = join(ROOT, "packages/cli/dist");
rmSync(join(cliDist, "chunks"), { recursive: true, force: true });
const cli = await build({
  ...common,
  entryPoints: { bin: join(ROOT, "packages/cli/src/bin.ts") },
  outdir: cliDist,
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  // Chunks do not sit next to package.json, where version.ts would look for it.
  define: { __OPENTRAIN_CLI_VERSION__: JSON.stringify(version("cli")) },
  absWorkingDir: ROOT,
  metafile: true,
});
// Which sources each output file holds (repository paths), for the cold-start guard
// (packages/cli/test/cold-start.test.ts): the minified output keeps no per-module comments.
const sourcesByOutput = Object.fromEntries(
  Object.entries(cli.metafile.outputs).map(([out, meta]) => [out, Object.keys(meta.inputs)]),
);
writeFileSync(join(cliDist, "chunks/sources.json"), `${JSON.stringify(sourcesByOutput, null, 1)}\n`);

// MCP server: one file (it loads everything to answer tools/list anyway).
await build({
  ...common,
  entryPoints: [join(ROOT, "packages/mcp/src/bin.ts")],
  outfile: join(ROOT, "packages/mcp/dist/bin.js"),
});
