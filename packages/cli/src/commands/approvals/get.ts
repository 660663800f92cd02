import { EXIT_CODES, operations } from "@opentrain-ai/contract";
import type { Context } from "../../context.js";
import { ExitSignal, UsageError } from "../../errors.js";
import { checkRequired, collectInput, validateInput } from "../../flags.js";
import { isApiError } from "../jobs/common.js";
import { command } from "../jobs/render.js";
import type { RunFn } from "../types.js";
import { approvalExitCode, approvalLabel, isObj, renderApproval, str } from "./render.js";

const op = operations.approvalsGet;

const DEFAULT_TIMEOUT_S = 1800;
const DEFAULT_INTERVAL_S = 5;

function positiveSeconds(flag: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a positive number of seconds`);
  return n;
}

/** Failures worth another poll while waiting: the network, a busy or failing server, a rate limit. */
function retryAfterMs(err: unknown): number | undefined {
  if (err instanceof Error && err.name === "NetworkError") return 0;
  if (!isApiError(err)) return undefined;
  if (err.code === "RATE_LIMITED") {
    const s = err.details?.retryAfterSeconds;
    return typeof s === "number" && s > 0 ? s * 1000 : 0;
  }
  return err.status >= 500 ? 0 : undefined;
}

async function read(ctx: Context, input: Record<string, unknown>) {
  const client = await ctx.clientFor(op);
  const res = await client.request(op, input as never);
  const body = res.body as unknown;
  return { body, approval: isObj(body) && isObj(body.approval) ? body.approval : {} };
}

/**
 * `opentrain approvals get <approvalId> [--wait] [--timeout S] [--interval S]` → GET
 * /approvals/{id}. The exit code tells the status: 0 confirmed, 10 pending (also when --wait
 * times out), 11 declined or expired. --wait polls until the approval leaves pending.
 */
export const run: RunFn = async (ctx, inv) => {
  const binding = inv.binding!;
  const input = await collectInput(binding, inv.opts, inv.args, ctx.io);
  checkRequired(binding, input);
  validateInput(binding, op, input);
  const wait = Boolean(inv.opts.wait);
  const timeoutS = positiveSeconds("--timeout", inv.opts.timeout, DEFAULT_TIMEOUT_S);
  const intervalMs = positiveSeconds("--interval", inv.opts.interval, DEFAULT_INTERVAL_S) * 1000;
  const io = ctx.io;

  let { body, approval } = await read(ctx, input);
  let timedOut = false;
  if (wait && approval.status === "pending") {
    const started = ctx.now();
    const deadline = started + timeoutS * 1000;
    const progress = io.stderrIsTTY;
    io.eprintln(
      `Waiting for a signed-in human to confirm the ${approvalLabel(approval.type)} at ${str(approval.approvalUrl) ?? "the approval page"} (expires ${str(approval.expiresAt) ?? "in ~72 h"}).`,
    );
    let polls = 1;
    let retryAfter = 0;
    for (;;) {
      const pause = Math.max(intervalMs, retryAfter);
      const now = ctx.now();
      if (now + pause > deadline) {
        timedOut = true;
        break;
      }
      if (progress) {
        const elapsed = Math.round((now - started) / 1000);
        io.err(`\r\u001b[KStill pending… ${elapsed} s (check ${polls})`);
      }
      await ctx.sleep(pause);
      polls++;
      try {
        ({ body, approval } = await read(ctx, input));
      } catch (err) {
        const retry = retryAfterMs(err);
        if (retry === undefined) {
          if (progress) io.err("\r\u001b[K");
          throw err;
        }
        retryAfter = retry;
        continue;
      }
      retryAfter = 0;
      if (approval.status !== "pending") break;
    }
    if (progress) io.err("\r\u001b[K");
  }

  if (ctx.json) ctx.printJson(body);
  else io.out(renderApproval(io, approval));
  if (timedOut) {
    io.eprintln(
      `Timed out after ${timeoutS} s: the approval is still pending. Keep waiting with: ${command(["approvals", "get", str(approval.id) ?? String(input.approvalId), "--wait"])}`,
    );
    throw new ExitSignal(EXIT_CODES.PENDING);
  }
  const code = approvalExitCode(approval.status);
  if (code !== EXIT_CODES.OK) throw new ExitSignal(code);
};
