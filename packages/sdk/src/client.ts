import { buildPath, pathParams, type Operation } from "@opentrain-ai/contract";
import type { z } from "zod";
import { ApiError } from "./errors.js";
import { send, type ResponseHeaders, type TransportOptions } from "./transport.js";

export const DEFAULT_BASE_URL = "https://app.opentrain.ai";

export interface ClientOptions extends TransportOptions {
  /** Origin of the platform, e.g. http://localhost:8787. */
  baseUrl?: string;
  /** `ot_pat_` token for bearer operations. */
  token?: string | null;
  /** Secret for the sandbox test helpers. */
  sandboxSecret?: string | null;
  userAgent?: string;
}

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  requestId: string | null;
  headers: ResponseHeaders;
}

/** Normalises a base URL to its origin (a trailing API path such as /api/public/v1 is dropped). */
export function normalizeBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`Invalid base URL "${raw}": use an origin such as http://localhost:8787`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`Invalid base URL "${raw}": only http and https are supported`);
  }
  const path = url.pathname.replace(/\/+$/, "").replace(/\/api(\/(public\/v1|agent|sandbox\/v1))?$/, "");
  return `${url.origin}${path}`;
}

type Input<O extends Operation> = z.input<O["input"]>;
type Output<O extends Operation> = z.infer<O["output"]>;

/** Typed client for every operation of the contract. */
export class OpenTrainClient {
  readonly baseUrl: string;
  token: string | null;
  private readonly opts: ClientOptions;

  constructor(opts: ClientOptions = {}) {
    this.opts = opts;
    this.baseUrl = normalizeBaseUrl(opts.baseUrl ?? DEFAULT_BASE_URL);
    this.token = opts.token ?? null;
  }

  /** Calls an operation and returns its body; non-2xx answers throw ApiError. */
  async call<O extends Operation>(op: O, input: Input<O>): Promise<Output<O>> {
    const res = await this.request(op, input);
    return res.body as Output<O>;
  }

  /** Calls an operation and returns status, body and request id; non-2xx answers throw ApiError. */
  async request<O extends Operation>(op: O, input: Input<O>): Promise<ApiResponse<Output<O>>> {
    const values = (input ?? {}) as Record<string, unknown>;
    const inPath = new Set(pathParams(op.path));
    const rest = Object.entries(values).filter(([k, v]) => !inPath.has(k) && v !== undefined);
    let url = this.baseUrl + buildPath(op, values);
    const headers: Record<string, string> = { accept: "application/json" };
    if (this.opts.userAgent) headers["user-agent"] = this.opts.userAgent;
    if (op.auth === "bearer" && this.token) headers.authorization = `Bearer ${this.token}`;
    if (op.auth === "sandbox" && this.opts.sandboxSecret) headers.authorization = `Bearer ${this.opts.sandboxSecret}`;

    let body: string | undefined;
    if (op.encoding === "query") {
      const qs = new URLSearchParams();
      for (const [k, v] of rest) {
        for (const item of Array.isArray(v) ? v : [v]) qs.append(k, String(item));
      }
      const q = qs.toString();
      if (q) url += `?${q}`;
    } else if (op.encoding === "form") {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(rest.map(([k, v]): [string, string] => [k, String(v)])).toString();
    } else {
      headers["content-type"] = "application/json";
      body = JSON.stringify(Object.fromEntries(rest));
    }

    const raw = await send(url, { method: op.method, headers, body }, this.opts);
    const requestId = raw.headers.get("x-request-id");
    let parsed: unknown = undefined;
    if (raw.text) {
      try {
        parsed = JSON.parse(raw.text);
      } catch {
        parsed = raw.text;
      }
    }
    if (raw.status < 200 || raw.status >= 300) throw ApiError.fromResponse(raw.status, parsed, requestId);
    return { status: raw.status, body: (parsed ?? {}) as Output<O>, requestId, headers: raw.headers };
  }
}
