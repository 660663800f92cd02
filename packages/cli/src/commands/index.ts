import { operations } from "@opentrain-ai/contract";
import { Option } from "commander";
import type { CommandSpec } from "./types.js";

const sandboxSecret = () =>
  new Option("--sandbox-secret <secret>", "Sandbox test-helper secret (default: $OPENTRAIN_SANDBOX_SECRET)");

/** Every hand-written command. Operations whose command path is listed here skip the generic builder. */
export const BESPOKE_COMMANDS: CommandSpec[] = [
  {
    path: ["auth", "register"],
    summary: "Register a new anonymous agent account and save its credentials",
    description:
      "Creates an unclaimed employer account (POST /api/agent/identity) and saves its token, claim token and base URL " +
      "to the shared credentials file. Refuses when the file already holds credentials, unless --force.",
    op: operations.agentAuthRegister,
    bind: { exclude: ["identity_type"] },
    setup: (cmd) => cmd.option("--force", "Replace saved credentials with the new account"),
    examples: ['opentrain auth register --agent-name "Claude Code" --org-name "Acme Labs"'],
    load: () => import("./auth/register.js"),
  },
  {
    path: ["auth", "claim"],
    summary: "Start the claim ceremony: a human takes ownership of the account",
    description:
      "Emails the human a verification link (POST /api/agent/identity/claim) and prints the link and the 6-digit code to relay to them.",
    op: operations.agentAuthClaim,
    bind: { optional: ["claim_token"] },
    examples: ["opentrain auth claim --email owner@example.com"],
    load: () => import("./auth/claim.js"),
  },
  {
    path: ["auth", "claim-status"],
    summary: "Check (or wait for) the claim; saves the post-claim token",
    description:
      "Polls POST /api/agent/oauth/token. Without --wait: one check (exit 10 while pending). With --wait: polls until the " +
      "human completes the claim or the timeout passes. On success the new token replaces the saved one and the claim token is dropped.",
    setup: (cmd) =>
      cmd
        .option("--wait", "Poll until the claim completes")
        .addOption(
          new Option("--timeout <seconds>", "Give up waiting after this many seconds").default(undefined, "1800"),
        )
        .option("--claim-token <token>", "Claim token (default: the saved one)"),
    examples: ["opentrain auth claim-status --wait"],
    load: () => import("./auth/claim-status.js"),
  },
  {
    path: ["auth", "login"],
    summary: "Save an existing API token after checking it",
    description:
      "Verifies the token with GET /auth/me, then saves it and the base URL. Without --api-key the token is read from stdin when stdin is not a terminal.",
    setup: (cmd) =>
      cmd
        .option("--api-key <token>", "The ot_pat_ token to save (alias: --token)")
        .addOption(new Option("--token <token>").hideHelp()),
    examples: ["opentrain auth login --api-key ot_pat_...", "echo $TOKEN | opentrain auth login"],
    load: () => import("./auth/login.js"),
  },
  {
    path: ["auth", "status"],
    summary: "Show who the configured token belongs to",
    load: () => import("./auth/status.js"),
  },
  {
    path: ["auth", "logout"],
    summary: "Delete the saved credentials (the token stays valid)",
    load: () => import("./auth/logout.js"),
  },
  {
    path: ["whoami"],
    summary: "Show the authenticated user, account, claim state and token scopes",
    description: "Wraps GET /api/public/v1/auth/me.",
    load: () => import("./auth/status.js"),
  },
  {
    path: ["sandbox", "clock", "advance"],
    summary: "Move the sandbox's virtual clock forward",
    description:
      "Moves the clock forward and runs everything that became due (expiries, simulated trainers, webhook retries). " +
      "The duration is a number of seconds or a number followed by s, m, h or d.",
    setup: (cmd) => cmd.argument("<duration>", "e.g. 72h, 30m, 90s, 2d or 3600").addOption(sandboxSecret()),
    examples: ["opentrain sandbox clock advance 72h"],
    load: () => import("./sandbox/clock-advance.js"),
  },
  {
    path: ["sandbox", "tokens", "create"],
    summary: "Mint a token as the human (any scope)",
    description:
      "Does what a human does in Settings → API keys. The account defaults to the one of the saved token (GET /auth/me).",
    setup: (cmd) =>
      cmd
        .addOption(
          new Option("--scopes <list>", "Scopes to grant (repeatable, or comma-separated) (required)").argParser(
            (v: string, prev: string[] | undefined) => [
              ...(prev ?? []),
              ...v
                .split(",")
                .map((s) => s.trim())
                .filter(Boolean),
            ],
          ),
        )
        .option("--name <name>", "Token label")
        .option("--account-id <id>", "Account to mint for (default: the saved token's account)")
        .addOption(sandboxSecret()),
    examples: ["opentrain sandbox tokens create --scopes payments:write,webhooks:manage --name ci"],
    load: () => import("./sandbox/tokens-create.js"),
  },
  {
    path: ["sandbox", "features", "set"],
    summary: "Turn feature flags on or off for an account",
    description: "Each pair is <flag>=on|off (or true|false). The account defaults to the saved token's account.",
    setup: (cmd) =>
      cmd
        .argument("<flag=on|off...>", "Feature flag settings")
        .option("--account-id <id>", "Account to change (default: the saved token's account)")
        .addOption(sandboxSecret()),
    examples: ["opentrain sandbox features set public_api_hiring=off public_api_team=on"],
    load: () => import("./sandbox/features-set.js"),
  },
  {
    path: ["version"],
    summary: "Print the CLI version",
    load: async () => ({
      run: async (ctx) => {
        const { cliVersion } = await import("../version.js");
        if (ctx.json) ctx.printJson({ version: cliVersion() });
        else ctx.io.println(cliVersion());
      },
    }),
  },
];
