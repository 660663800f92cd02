import { EXIT_CODES } from "@opentrain-ai/contract";
import { CommanderError } from "commander";
import type { CliDeps } from "./context.js";
import { reportError } from "./errors.js";
import { IO } from "./io.js";
import { buildProgram, invokedWords, type RunState } from "./program.js";

/**
 * Runs the CLI with `argv` (without node and script) and resolves to the exit code. Never calls
 * `process.exit`, so tests run it in-process with an `IO.test()`.
 */
export async function run(argv: readonly string[], deps: CliDeps): Promise<number> {
  const state: RunState = {};
  const program = buildProgram(deps, { state, words: invokedWords(argv) });
  if (argv.length === 0) {
    program.outputHelp();
    return EXIT_CODES.OK;
  }
  if (argv[0] === "help" && argv.length > 1) {
    // `opentrain help jobs draft create` → `opentrain jobs draft create --help`
    if (!program.commands.some((c) => c.name() === argv[1])) {
      deps.io.eprintln(`Usage error: unknown command '${argv[1]}'`);
      deps.io.eprintln('(Run "opentrain --help" for usage.)');
      return EXIT_CODES.USAGE;
    }
    argv = [...argv.slice(1), "--help"];
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
    return EXIT_CODES.OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Commander already printed its message (help, version or `Usage error: …`).
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version") return EXIT_CODES.OK;
      if (err.code === "commander.help") return err.exitCode === 0 ? EXIT_CODES.OK : EXIT_CODES.USAGE;
      return EXIT_CODES.USAGE;
    }
    const hint = state.commandPath ? `(Run "${state.commandPath} --help" for usage.)` : undefined;
    return reportError(deps.io, err, hint);
  }
}

/** Entry point used by the `opentrain` binary. */
export function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  return run(argv, { io: IO.system(), env: process.env });
}
