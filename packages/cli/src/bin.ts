#!/usr/bin/env node
// Keep start-up fast: nothing heavy is imported at the top; the program is loaded lazily.
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
