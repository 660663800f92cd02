import type { Operation } from "@opentrain-ai/contract";
import type { Command } from "commander";
import type { Context } from "../context.js";
import type { BindOptions, InputBinding } from "../flags.js";

/** What a command's run function receives. */
export interface Invocation {
  /** This command's parsed options (global options are in `ctx.globals`). */
  opts: Record<string, unknown>;
  /** Positional arguments, parsed. */
  args: unknown[];
  /** Flags bound from an operation's input, when the spec names one. */
  binding?: InputBinding;
  command: Command;
}

export type RunFn = (ctx: Context, inv: Invocation) => Promise<void>;

/**
 * A hand-written command. The declaration (flags, help) is loaded with the program; the
 * implementation only when the command runs, so start-up stays fast.
 */
export interface CommandSpec {
  path: string[];
  summary: string;
  description?: string;
  /** Bind this operation's input fields as flags. */
  op?: Operation;
  bind?: BindOptions;
  /** Extra options and arguments. */
  setup?: (cmd: Command) => void;
  /** Help text shown after the options (examples). */
  examples?: string[];
  load: () => Promise<{ run: RunFn }>;
}
