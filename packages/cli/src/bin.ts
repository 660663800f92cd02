#!/usr/bin/env node
// Keep start-up fast: nothing heavy is imported at the top; the program is loaded lazily.
import { setFlagsFromString } from "node:v8";

// fetch parses HTTP with undici's WebAssembly llhttp; V8 recompiles its hot functions with
// TurboFan in the background, and Node waits for that job before the process may exit: ~100 ms
// after the output on every command that called the API. The baseline (Liftoff) code is
// plenty for a CLI's few responses. Must run before the first fetch compiles the module.
setFlagsFromString("--liftoff-only");

process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  // `opentrain tokens list | head` closes the pipe early; that is not a failure.
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-v" || argv[0] === "version")) {
  // Fast path: the version needs neither the operation registry nor commander.
  const { cliVersion } = await import("./version.js");
  process.stdout.write(`${cliVersion()}\n`);
} else {
  const { main } = await import("./main.js");
  process.exitCode = await main(argv);
}
