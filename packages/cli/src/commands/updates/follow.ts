import { operations, type PlatformEvent } from "@opentrain-ai/contract";
import type { OpenTrainClient } from "@opentrain-ai/sdk";
import { UsageError } from "../../errors.js";

const op = operations.updatesPoll;

/** `--interval <seconds>`: 0.1 to 3600, default 2. */
export function intervalMs(raw: unknown, fallbackSeconds = 2): number {
  if (raw === undefined) return fallbackSeconds * 1000;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0.1 || n > 3600) {
    throw new UsageError(`--interval must be a number of seconds between 0.1 and 3600, got "${String(raw)}"`);
  }
  return Math.round(n * 1000);
}

/** Resolves with `work`'s value, or with `aborted` once the signal fires (the work is abandoned). */
function unlessAborted<T>(
  work: Promise<T>,
  signal: AbortSignal,
): Promise<{ aborted: true } | { aborted: false; value: T }> {
  if (signal.aborted) return Promise.resolve({ aborted: true });
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve({ aborted: true });
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve({ aborted: false, value });
      },
      (err: unknown) => {
        signal.removeEventListener("abort", onAbort);
        if (signal.aborted) resolve({ aborted: true });
        else reject(err);
      },
    );
  });
}

function wait(ms: number, signal: AbortSignal): Promise<unknown> {
  return unlessAborted(new Promise((r) => setTimeout(r, ms)), signal);
}

/** Network trouble and 5xx are worth waiting out; anything else (401, 403, 400) stops the command. */
function isTransient(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === "NetworkError") return true;
  return err.name === "ApiError" && (err as Error & { status: number }).status >= 500;
}

export interface FollowOptions {
  /** Start after this event id; undefined starts at the beginning of the feed. */
  cursor?: string;
  limit?: number;
  intervalMs: number;
  signal: AbortSignal;
  /** Called for each event, oldest first; the cursor moves past an event only after this resolves. */
  onEvent: (event: PlatformEvent) => Promise<void> | void;
  /** A poll failed for a reason worth waiting out (network, 5xx). */
  onTransientError: (err: Error) => void;
}

/**
 * Polls GET /updates until the signal fires: pages back to back while hasMore, then every
 * `intervalMs`. Returns the cursor after the last event handed to `onEvent`.
 */
export async function followUpdates(client: OpenTrainClient, opts: FollowOptions): Promise<string | undefined> {
  let cursor = opts.cursor;
  while (!opts.signal.aborted) {
    let page;
    try {
      const res = await unlessAborted(
        client.call(op, { ...(cursor !== undefined ? { cursor } : {}), ...(opts.limit ? { limit: opts.limit } : {}) }),
        opts.signal,
      );
      if (res.aborted) break;
      page = res.value;
    } catch (err) {
      if (!isTransient(err)) throw err;
      opts.onTransientError(err as Error);
      await wait(opts.intervalMs, opts.signal);
      continue;
    }
    for (const event of page.events) {
      if (opts.signal.aborted) return cursor;
      await opts.onEvent(event);
      cursor = event.id;
    }
    if (page.nextCursor) cursor = page.nextCursor;
    if (!page.hasMore) await wait(opts.intervalMs, opts.signal);
  }
  return cursor;
}

/**
 * The cursor of the newest event the token can see, by paging to the end (200 a page), so a
 * listener starts with what happens from now on.
 */
export async function latestCursor(
  client: OpenTrainClient,
  signal: AbortSignal,
): Promise<{ cursor?: string; skipped: number }> {
  let cursor: string | undefined;
  let skipped = 0;
  for (;;) {
    const res = await unlessAborted(client.call(op, { ...(cursor ? { cursor } : {}), limit: 200 }), signal);
    if (res.aborted) return { cursor, skipped };
    skipped += res.value.events.length;
    cursor = res.value.nextCursor ?? cursor;
    if (!res.value.hasMore) return { cursor, skipped };
  }
}
