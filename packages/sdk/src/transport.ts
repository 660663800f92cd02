import { NetworkError } from "./errors.js";
import {
  nodeHttpRequest,
  UnreadableBodyError,
  type HttpAnswer,
  type PlainRequest,
  type ResponseHeaders,
} from "./node-http.js";

export type { ResponseHeaders } from "./node-http.js";

export interface TransportOptions {
  /** Per-request timeout; the documented default is 30 s. */
  timeoutMs?: number;
  /** Delays between attempts for retried requests; default 500 ms then 1 s (3 attempts). */
  retryDelaysMs?: readonly number[];
  /** HTTP implementation; default: node:http(s) (see node-http.ts), or fetch for other bodies. */
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export type RawResponse = HttpAnswer;

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

/** A request without a custom fetch that node:http can send: plain headers, a string body. */
function plainRequest(init: RequestInit): PlainRequest | undefined {
  const { method = "GET", headers = {}, body, ...rest } = init;
  if (Object.keys(rest).length > 0 || (body !== undefined && body !== null && typeof body !== "string"))
    return undefined;
  if (headers instanceof Array || Object.getPrototypeOf(headers) !== Object.prototype) return undefined;
  return { method, headers: headers as Record<string, string>, ...(typeof body === "string" ? { body } : {}) };
}

/** One attempt: status, headers and a way to read or discard the body. */
interface Attempt {
  status: number;
  headers: ResponseHeaders;
  text(): Promise<string>;
  discard(): Promise<void>;
}

async function exchange(url: string, init: RequestInit, opts: TransportOptions, signal: AbortSignal): Promise<Attempt> {
  const plain = opts.fetch ? undefined : plainRequest(init);
  if (plain) {
    const a = await nodeHttpRequest(url, plain, signal);
    return { status: a.status, headers: a.headers, text: async () => a.text, discard: async () => {} };
  }
  const response = await (opts.fetch ?? fetch)(url, { ...init, signal });
  return {
    status: response.status,
    headers: response.headers,
    text: () => response.text(),
    discard: async () => {
      await response.body?.cancel();
    },
  };
}

/**
 * Sends one request with the documented policy: GETs are retried (3 attempts, 500 ms then 1 s)
 * on 502/503/504 and network failures; other methods only when the request never left.
 */
export async function send(url: string, init: RequestInit, opts: TransportOptions = {}): Promise<RawResponse> {
  const delays = opts.retryDelaysMs ?? [500, 1000];
  const sleep = opts.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const isGet = (init.method ?? "GET").toUpperCase() === "GET";

  for (let attempt = 0; ; attempt++) {
    const canRetry = attempt < delays.length;
    let response: Attempt;
    try {
      response = await exchange(url, init, opts, AbortSignal.timeout(timeoutMs));
    } catch (err) {
      const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
      const code = errorCode(err);
      const notSent = !timedOut && code !== undefined && NOT_SENT_CODES.has(code);
      const netErr =
        err instanceof UnreadableBodyError
          ? unreadableAnswer(url, err.message, err)
          : timedOut
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
      await response.discard();
      await sleep(delays[attempt] as number);
      continue;
    }
    let text: string;
    try {
      text = await response.text();
    } catch (err) {
      if (canRetry && isGet) {
        await sleep(delays[attempt] as number);
        continue;
      }
      throw unreadableAnswer(url, err instanceof Error ? err.message : String(err), err);
    }
    return { status: response.status, headers: response.headers, text };
  }
}

/**
 * The server answered but its body could not be read (a corrupt gzip body, a body the fetch
 * implementation could not finish). GETs are retried as for any network failure, writes are not
 * (the request was handled); the message says the server was reached, unlike "Could not reach".
 */
function unreadableAnswer(url: string, reason: string, cause: unknown): NetworkError {
  return new NetworkError(
    `The answer from ${new URL(url).origin} could not be read: ${reason}`,
    "NETWORK_ERROR",
    false,
    cause,
    true,
  );
}
