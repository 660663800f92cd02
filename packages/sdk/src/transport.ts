import { NetworkError } from "./errors.js";

export interface TransportOptions {
  /** Per-request timeout; the documented default is 30 s. */
  timeoutMs?: number;
  /** Delays between attempts for retried requests; default 500 ms then 1 s (3 attempts). */
  retryDelaysMs?: readonly number[];
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
}

const RETRYABLE_STATUS = new Set([502, 503, 504]);
/** Error codes that mean the connection was never made, so the server never saw the request. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

function errorCode(err: unknown): string | undefined {
  let cur: unknown = err;
  for (let i = 0; i < 4 && cur && typeof cur === "object"; i++) {
    const c = (cur as { code?: unknown }).code;
    if (typeof c === "string") return c;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Sends one request with the documented policy: GETs are retried (3 attempts, 500 ms then 1 s)
 * on 502/503/504 and network failures; other methods only when the request never left.
 */
export async function send(url: string, init: RequestInit, opts: TransportOptions = {}): Promise<RawResponse> {
  const doFetch = opts.fetch ?? fetch;
  const delays = opts.retryDelaysMs ?? [500, 1000];
  const sleep = opts.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const isGet = (init.method ?? "GET").toUpperCase() === "GET";

  for (let attempt = 0; ; attempt++) {
    const canRetry = attempt < delays.length;
    let response: Response;
    try {
      response = await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
      const code = errorCode(err);
      const notSent = !timedOut && code !== undefined && NOT_SENT_CODES.has(code);
      const netErr = timedOut
        ? new NetworkError(`Request timed out after ${timeoutMs / 1000} s: ${url}`, "TIMEOUT", false, err)
        : new NetworkError(
            `Could not reach ${new URL(url).origin}${code ? ` (${code})` : ""}`,
            "NETWORK_ERROR",
            notSent,
            err,
          );
      if (canRetry && !timedOut && (isGet || notSent)) {
        await sleep(delays[attempt] as number);
        continue;
      }
      throw netErr;
    }
    if (isGet && canRetry && RETRYABLE_STATUS.has(response.status)) {
      await response.body?.cancel();
      await sleep(delays[attempt] as number);
      continue;
    }
    return { status: response.status, headers: response.headers, text: await response.text() };
  }
}
