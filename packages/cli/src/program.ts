import { API_BASE_PATHS, OPERATIONS, type Operation } from "@opentrain-ai/contract";
import { Command, Option } from "commander";
import { BESPOKE_COMMANDS } from "./commands/index.js";
import type { CommandSpec, Invocation } from "./commands/types.js";
import { Context, type CliDeps } from "./context.js";
import { bindInput, checkRequired, collectInput, validateInput, type InputBinding } from "./flags.js";
import { cliVersion } from "./version.js";

/** Namespace summaries (CLI overview page), in the documented order. */
const NAMESPACES: Record<string, string> = {
  auth: "Agent onboarding, claim ceremony, token management",
  whoami: "",
  capabilities: "",
  jobs: "Drafting, publishing, and managing jobs",
  proposals: "Candidate review and hiring",
  freelancers: "Masked AI trainer profiles",
  messages: "Conversations and messaging",
  contracts: "Post-hire contracts",
  milestones: "Milestones and co-signed money moves",
  approvals: "Human co-sign approval status",
  credits: "Prepaid credit balance and top-ups",
  updates: "The account event delta feed",
  webhooks: "Webhook subscriptions",
  tokens: "API token audit and revocation",
  team: "Employer team management",
  payments: "Pending payment reads",
  sandbox: "Sandbox test helpers (sandbox mode only; need the sandbox secret)",
  version: "",
};
const ORDER = Object.keys(NAMESPACES);

/** Summaries of nested namespaces (`opentrain jobs draft`). */
const SUB_NAMESPACES: Record<string, string> = {
  "jobs draft": "Create job drafts and answer their missing fields",
};

/** Tracks which command is running, for the "run --help" line after usage errors. */
export interface RunState {
  commandPath?: string;
}

function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(" ");
}

function child(parent: Command, name: string): Command {
  const found = parent.commands.find((c) => c.name() === name);
  if (found) return found;
  const cmd = parent.command(name);
  const summary =
    parent.parent === null ? NAMESPACES[name] : SUB_NAMESPACES[`${commandPath(parent).replace(/^\S+ /, "")} ${name}`];
  if (summary) cmd.summary(summary).description(summary);
  cmd.showHelpAfterError(`(Run "${commandPath(cmd)} --help" for usage.)`);
  return cmd;
}

function leaf(root: Command, path: string[]): Command {
  let cmd = root;
  for (const name of path) cmd = child(cmd, name);
  return cmd;
}

/** `Requires: …` and `Wraps: …` lines from the operation's gates. */
function requirements(op: Operation): string {
  const req: string[] = [];
  if (op.auth === "none") req.push("no token");
  if (op.auth === "bearer") {
    req.push(
      op.scope
        ? `a token with ${op.scope}`
        : op.anyScope
          ? `a token with one of ${op.anyScope.join(", ")}`
          : "any valid token",
    );
  }
  if (op.auth === "sandbox") req.push("the sandbox secret");
  if (op.feature) req.push(`the ${op.feature} feature`);
  if (op.claim) req.push("a claimed account");
  return `Requires: ${req.join(", ")}.\nWraps: ${op.method} ${API_BASE_PATHS[op.api]}${op.path}`;
}

function examplesText(lines: string[] | undefined): string {
  return lines?.length ? `\nExamples:\n${lines.map((l) => `  $ ${l}`).join("\n")}\n` : "";
}

type MakeContext = (cmd: Command) => Context;

/**
 * Options of the command, plus same-named options an ancestor consumed: commander lets a parent
 * parse its options anywhere after it, so in `sandbox clock advance 90 --sandbox-secret s`
 * the runnable `sandbox clock` takes `--sandbox-secret` (the root's globals are in `ctx.globals`).
 */
function commandOptions(cmd: Command): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  const chain: Command[] = [];
  for (let c = cmd.parent; c && c.parent; c = c.parent) chain.unshift(c);
  for (const c of [...chain, cmd]) {
    for (const [k, v] of Object.entries(c.opts())) if (v !== undefined) merged[k] = v;
  }
  return merged;
}

function invocation(cmd: Command, binding?: InputBinding): Invocation {
  return { opts: commandOptions(cmd), args: cmd.processedArgs, command: cmd, ...(binding ? { binding } : {}) };
}

/** An operation without hand-written code: flags from its input, generic output. */
function addGeneric(root: Command, op: Operation, makeContext: MakeContext, state: RunState): void {
  const cli = op.cli;
  if (!cli) return;
  const cmd = leaf(root, cli.command);
  const summary = cli.summary ?? op.summary;
  cmd
    .summary(summary)
    .description(
      `${op.description === op.summary ? summary : `${summary}\n\n${op.description}`}\n\n${requirements(op)}`,
    );
  if (op.auth === "sandbox") {
    cmd.addOption(
      new Option("--sandbox-secret <secret>", "Sandbox test-helper secret (default: $OPENTRAIN_SANDBOX_SECRET)"),
    );
  }
  const binding = bindInput(cmd, op);
  cmd.action(async (..._a: unknown[]) => {
    state.commandPath = commandPath(cmd);
    const ctx = makeContext(cmd);
    const inv = invocation(cmd, binding);
    const input = await collectInput(binding, inv.opts, inv.args, ctx.io);
    checkRequired(binding, input);
    validateInput(binding, op, input);
    const client = await ctx.clientFor(op, { sandboxSecret: inv.opts.sandboxSecret as string | undefined });
    const body = await client.call(op, input as never);
    if (ctx.json) {
      ctx.printJson(body);
      return;
    }
    const { renderOperation } = await import("./output/renderers.js");
    ctx.io.out(renderOperation(ctx.io, op, body));
  });
}

function addBespoke(root: Command, spec: CommandSpec, makeContext: MakeContext, state: RunState): void {
  const cmd = leaf(root, spec.path);
  cmd.summary(spec.summary);
  cmd.description(
    [spec.description ?? spec.summary, spec.op ? requirements(spec.op) : ""].filter(Boolean).join("\n\n"),
  );
  spec.setup?.(cmd);
  const binding = spec.op ? bindInput(cmd, spec.op, spec.bind) : undefined;
  const examples = examplesText(spec.examples);
  if (examples) cmd.addHelpText("after", examples);
  cmd.action(async (..._a: unknown[]) => {
    state.commandPath = commandPath(cmd);
    const ctx = makeContext(cmd);
    const { run } = await spec.load();
    await run(ctx, invocation(cmd, binding));
  });
}

/**
 * The command words `argv` starts with (up to the first option) when only their branch of the
 * tree needs building: a namespace word first (no global option before it, not `help`).
 * Anything else (root help, unknown namespaces, `--json` first) gets the whole tree, so its
 * messages and suggestions stay the same.
 */
export function invokedWords(argv: readonly string[]): string[] | undefined {
  const first = argv[0];
  if (first === undefined || !Object.hasOwn(NAMESPACES, first)) return undefined;
  const end = argv.findIndex((a) => a.startsWith("-"));
  return argv.slice(0, end === -1 ? argv.length : end);
}

const isPrefix = (a: readonly string[], b: readonly string[]) => a.length <= b.length && a.every((w, i) => w === b[i]);

/**
 * Which command paths to build for `words`: the commands on their branch (the one they run,
 * its parents, and its children for a namespace's help). When none matches (a typo), the
 * whole namespace, so commander's "unknown command" suggestions stay the same.
 */
function onBranch(paths: readonly (readonly string[])[], words: readonly string[]): Set<string> {
  const namespace = paths.filter((p) => p[0] === words[0]);
  const branch = namespace.filter((p) => isPrefix(p, words) || isPrefix(words, p));
  return new Set((branch.length > 0 ? branch : namespace).map((p) => p.join(" ")));
}

/**
 * Builds the `opentrain` command tree from the operation registry plus the hand-written
 * commands; with `words` (see invokedWords), only their branch: a cold start builds only what
 * it may run, since binding flags to every operation's input costs more than the request.
 */
export function buildProgram(
  deps: CliDeps,
  opts: { operations?: readonly Operation[]; state?: RunState; words?: readonly string[] } = {},
): Command {
  const io = deps.io;
  const state = opts.state ?? {};
  const operations = opts.operations ?? OPERATIONS;
  const program = new Command("opentrain");
  program
    .description(
      "OpenTrain from the command line: register an agent account, draft and publish jobs, review candidates, message them, and request hires and payments that a human co-signs.",
    )
    .version(cliVersion(), "-v, --version", "Print the CLI version")
    .option("--json", "Print the raw API response as JSON")
    .option(
      "--base-url <url>",
      "API origin (default: $OT_API_BASE_URL, $OPENTRAIN_API_BASE_URL, the saved one, https://app.opentrain.ai)",
    )
    .helpOption("-h, --help", "Show help")
    .helpCommand("help [command]", "Show help for a command")
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      outputError: (s, write) => write(s.replace(/^error: /, "Usage error: ")),
      getOutHelpWidth: () => io.columns,
      getErrHelpWidth: () => io.columns,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError('(Run "opentrain --help" for usage.)')
    .exitOverride();
  program.addHelpText(
    "after",
    "\nEnvironment:\n" +
      "  OT_API_TOKEN, OPENTRAIN_API_TOKEN          API token (overrides the saved one)\n" +
      "  OT_API_BASE_URL, OPENTRAIN_API_BASE_URL    API origin\n" +
      "  OPENTRAIN_SANDBOX_SECRET                   secret for the sandbox commands\n" +
      "  XDG_CONFIG_HOME                            credentials live in $XDG_CONFIG_HOME/opentrain/cli.json\n" +
      "\nExit codes: 0 ok, 1 failure, 2 usage, 3 unauthorized, 4 forbidden, 5 not found, 6 bad request,\n" +
      "  7 conflict, 8 rate limited, 9 network/server, 10 pending (claim or approval not completed yet),\n" +
      "  11 approval declined or expired\n",
  );

  const makeContext: MakeContext = (cmd) => {
    const g = cmd.optsWithGlobals() as { json?: boolean; baseUrl?: string };
    return new Context(deps, { json: Boolean(g.json), baseUrl: g.baseUrl });
  };

  const paths = [
    ...operations.flatMap((op) => (op.cli ? [op.cli.command] : [])),
    ...BESPOKE_COMMANDS.map((c) => c.path),
  ];
  const only = opts.words ? onBranch(paths, opts.words) : undefined;
  const wanted = (path: readonly string[]) => only === undefined || only.has(path.join(" "));
  const bespoke = new Map(BESPOKE_COMMANDS.map((s) => [s.path.join(" "), s]));
  const done = new Set<string>();
  for (const op of operations) {
    if (!op.cli || !wanted(op.cli.command)) continue;
    const key = op.cli.command.join(" ");
    if (done.has(key)) continue;
    done.add(key);
    const spec = bespoke.get(key);
    if (spec) addBespoke(program, spec, makeContext, state);
    else addGeneric(program, op, makeContext, state);
  }
  for (const spec of BESPOKE_COMMANDS) {
    if (!wanted(spec.path)) continue;
    const key = spec.path.join(" ");
    if (done.has(key)) continue;
    done.add(key);
    addBespoke(program, spec, makeContext, state);
  }

  // Documented namespace order; sandbox and version last.
  const rank = (name: string) => {
    const i = ORDER.indexOf(name);
    return i === -1 ? ORDER.indexOf("sandbox") - 0.5 : i;
  };
  (program.commands as Command[]).sort((a, b) => rank(a.name()) - rank(b.name()));
  return program;
}
