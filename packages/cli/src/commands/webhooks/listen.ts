import { randomBytes } from "node:crypto";
import {
  EVENT_TYPES,
  WEBHOOK_HEADERS,
  WEBHOOK_TIMEOUT_MS,
  operations,
  type PlatformEvent,
} from "@opentrain-ai/contract";
import { UsageError } from "../../errors.js";
import { cliVersion } from "../../version.js";
import { command } from "../jobs/render.js";
import { followUpdates, intervalMs, latestCursor } from "../updates/follow.js";
import type { RunFn } from "../types.js";

function forwardUrl(raw: unknown): string {
  if (typeof raw !== "string" || raw.trim() === "") throw new UsageError("missing required flag --forward-to <url>");
  try {
    const url = new URL(raw);
    if (url.protocol === "http:" || url.protocol === "https:") return url.toString();
  } catch {
    /* fall through */
  }
  throw new UsageError(`--forward-to must be an http(s) URL such as http://localhost:3000/webhooks, got "${raw}"`);
}

function eventFilter(raw: unknown): Set<string> | null {
  const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).flatMap((v) =>
    String(v)
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );
  if (list.length === 0) return null;
  const unknown = list.filter((t) => !(EVENT_TYPES as readonly string[]).includes(t));
  if (unknown.length > 0) {
    throw new UsageError(`unknown event type ${unknown.join(", ")}; use any of ${EVENT_TYPES.join(", ")}`);
  }
  return new Set(list);
}

function localSecret(raw: unknown): string {
  if (raw === undefined) return `whsec_${randomBytes(24).toString("hex")}`;
  if (typeof raw !== "string" || raw.trim().length < 16)
    throw new UsageError("--secret must be at least 16 characters");
  return raw.trim();
}

const clock = (d = new Date()) => d.toISOString().replace("T", " ").slice(0, 19);

/**
 * `opentrain webhooks listen --forward-to <url>`: for local development, follows the account's
 * events through GET /updates (no public URL or subscription needed) and POSTs each to a local
 * URL exactly as a webhook delivery — same headers and body, signed with a local secret printed
 * at start (or --secret). One attempt per event, no retries; the result is printed. Starts with
 * the events that happen from now on, unless --cursor says where to start.
 */
export const run: RunFn = async (ctx, inv) => {
  const target = forwardUrl(inv.opts.forwardTo);
  const only = eventFilter(inv.opts.events);
  const secret = localSecret(inv.opts.secret);
  const every = intervalMs(inv.opts.interval);
  const startCursor = inv.opts.cursor === undefined ? undefined : String(inv.opts.cursor);
  if (startCursor !== undefined && !/^\d+$/.test(startCursor))
    throw new UsageError("--cursor must be an event id (digits)");
  const { signWebhookPayload } = await ctx.sdk();
  const op = operations.updatesPoll;
  const client = await ctx.clientFor(op);
  const io = ctx.io;
  const stop = new AbortController();
  const unregister = ctx.onInterrupt(() => stop.abort());
  try {
    let cursor = startCursor;
    if (cursor === undefined) {
      const latest = await latestCursor(client, stop.signal);
      cursor = latest.cursor;
    }
    if (stop.signal.aborted) return;
    io.eprintln(`Ready! Forwarding events to ${target}`);
    io.eprintln(`Your local webhook signing secret is ${secret} (press Ctrl-C to quit)`);
    const userAgent = `opentrain-cli-listen/${cliVersion()}`;
    const last = await followUpdates(client, {
      cursor,
      intervalMs: every,
      signal: stop.signal,
      onTransientError: (err) => io.eprintln(`Warning: ${err.message}; polling again in ${every / 1000} s.`),
      onEvent: async (event: PlatformEvent) => {
        if (only && !only.has(event.type)) return;
        const body = JSON.stringify(event);
        io.println(`${clock()}  --> ${event.type} [${event.id}]`);
        const started = Date.now();
        try {
          const res = await fetch(target, {
            method: "POST",
            redirect: "manual",
            signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
            headers: {
              "content-type": "application/json",
              "user-agent": userAgent,
              [WEBHOOK_HEADERS.event]: event.type,
              [WEBHOOK_HEADERS.delivery]: `whd_local_${event.id}`,
              [WEBHOOK_HEADERS.signature]: signWebhookPayload(body, secret),
            },
            body,
          });
          await res.arrayBuffer().catch(() => undefined);
          io.println(`${clock()}  <-- [${res.status}] POST ${target} [${event.id}] ${Date.now() - started} ms`);
        } catch (err) {
          const cause = (err as { cause?: { code?: string } }).cause?.code;
          const why =
            err instanceof Error && err.name === "TimeoutError"
              ? `no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`
              : (cause ?? (err as Error).message);
          io.println(`${clock()}  <-- [ERR] POST ${target} [${event.id}] ${why}`);
        }
      },
    });
    io.eprintln(
      last
        ? `Stopped. Resume with: ${command(["webhooks", "listen", "--forward-to", target, "--cursor", last])}`
        : "Stopped.",
    );
  } finally {
    unregister();
  }
};
