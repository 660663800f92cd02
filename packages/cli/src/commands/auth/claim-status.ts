import { CLAIM_GRANT_TYPE, EXIT_CODES, operations } from "@opentrain-ai/contract";
import { CliError, ExitSignal, UsageError } from "../../errors.js";
import { text } from "../../output/format.js";
import { renderPairs } from "../../output/table.js";
import type { RunFn } from "../types.js";
import { claimTokenFrom } from "./claim.js";

const op = operations.agentAuthToken;

const DEFAULT_TIMEOUT_S = 1800;
/** Poll interval when none is known (the claim start's `interval` is not stored). */
const DEFAULT_INTERVAL_MS = 5000;
/** RFC 8628: after `slow_down`, lengthen the interval by 5 s. */
const SLOW_DOWN_STEP_MS = 5000;

/**
 * Poll interval. `OPENTRAIN_CLAIM_POLL_INTERVAL_MS` overrides it (tests set it to a few ms so they
 * need not wait 5 s); with the override set, `slow_down` adds the override instead of 5 s.
 */
function pollSettings(env: Record<string, string | undefined>): { intervalMs: number; slowDownStepMs: number } {
  const raw = env.OPENTRAIN_CLAIM_POLL_INTERVAL_MS;
  const n = raw === undefined ? NaN : Number(raw);
  if (Number.isFinite(n) && n >= 0) return { intervalMs: n, slowDownStepMs: Math.max(n, 1) };
  return { intervalMs: DEFAULT_INTERVAL_MS, slowDownStepMs: SLOW_DOWN_STEP_MS };
}

function isOAuthError(err: unknown, ...codes: string[]): boolean {
  return err instanceof Error && err.name === "ApiError" && codes.includes((err as { code?: string }).code ?? "");
}

/** `opentrain auth claim-status [--wait]`: picks up the post-claim token once the human accepted. */
export const run: RunFn = async (ctx, inv) => {
  const wait = Boolean(inv.opts.wait);
  let timeoutS = DEFAULT_TIMEOUT_S;
  if (inv.opts.timeout !== undefined) {
    timeoutS = Number(inv.opts.timeout);
    if (!Number.isFinite(timeoutS) || timeoutS <= 0)
      throw new UsageError("--timeout must be a positive number of seconds");
  }
  const claimToken = await claimTokenFrom(ctx, inv.opts.claimToken);
  const client = await ctx.clientFor(op);
  const sdk = await ctx.sdk();
  const io = ctx.io;
  let { intervalMs } = pollSettings(ctx.env);
  const { slowDownStepMs } = pollSettings(ctx.env);
  const started = ctx.now();
  const deadline = started + timeoutS * 1000;
  const progress = wait && io.stderrIsTTY;
  let polls = 0;

  for (;;) {
    polls++;
    try {
      const res = await client.call(op, { grant_type: CLAIM_GRANT_TYPE, claim_token: claimToken });
      if (progress) io.err("\r\u001b[K");
      const { baseUrl } = await ctx.settings();
      const saved = sdk.readCredentials(ctx.env);
      sdk.updateCredentials(
        { apiToken: res.access_token, claimToken: null, baseUrl: saved?.baseUrl ?? baseUrl },
        ctx.env,
      );
      const path = sdk.credentialsPath(ctx.env);
      const envToken = ctx.env.OT_API_TOKEN || ctx.env.OPENTRAIN_API_TOKEN;
      if (envToken) {
        io.eprintln(
          "Warning: OT_API_TOKEN/OPENTRAIN_API_TOKEN is set and overrides the saved token; the old pre-claim tokens no longer work.",
        );
      }
      if (ctx.json) {
        ctx.printJson({ status: "claimed", tokenType: res.token_type, scopes: res.scopes, credentialsPath: path });
        return;
      }
      io.println("Claimed: a human now owns this account.");
      io.out(
        renderPairs([
          ["Scopes", text(res.scopes)],
          ["Saved to", `${path} (new apiToken; claimToken removed)`],
        ]),
      );
      io.println("The pre-claim token is revoked; the CLI and MCP server now use the new token.");
      return;
    } catch (err) {
      const transient = wait && err instanceof Error && err.name === "NetworkError";
      if (isOAuthError(err, "slow_down")) {
        intervalMs += slowDownStepMs;
      } else if (!isOAuthError(err, "authorization_pending") && !transient) {
        if (progress) io.err("\r\u001b[K");
        throw err;
      }
    }

    if (!wait) {
      if (ctx.json) ctx.printJson({ status: "pending", next: ["opentrain auth claim-status --wait"] });
      else {
        io.println("pending: the human has not completed the claim yet.");
        io.println('Run "opentrain auth claim-status --wait" to wait for it.');
      }
      throw new ExitSignal(EXIT_CODES.PENDING);
    }
    const now = ctx.now();
    if (now + intervalMs > deadline) {
      if (progress) io.err("\r\u001b[K");
      throw new CliError(
        "pending",
        `Timed out after ${timeoutS} s: the human has not completed the claim yet.`,
        EXIT_CODES.PENDING,
        ['Run "opentrain auth claim-status --wait" again to keep waiting.'],
      );
    }
    if (progress) {
      const elapsed = Math.round((now - started) / 1000);
      io.err(`\r\u001b[KWaiting for the human to complete the claim… ${elapsed} s (check ${polls})`);
    }
    await ctx.sleep(intervalMs);
  }
};
