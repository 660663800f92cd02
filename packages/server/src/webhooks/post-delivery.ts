import { request as httpRequest, Agent as HttpAgent, type IncomingMessage } from "node:http";
import { request as httpsRequest, Agent as HttpsAgent } from "node:https";
import type { AttemptResult } from "../services/webhooks/record-delivery-outcome.js";
import { ipLiteralOf, isPublicAddress, publicOnlyLookup } from "./target-policy.js";

export interface PostOptions {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** Production: connect only to public addresses, checked after DNS resolution. */
  publicOnly: boolean;
  agents: { http: HttpAgent; https: HttpsAgent };
}

function describeError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.name === "RefusedTargetError") return e.message;
  if (e?.name === "TimeoutError" || e?.name === "AbortError") return "no answer within the timeout";
  if (e?.code === "ECONNREFUSED") return "connection refused";
  if (e?.code === "ENOTFOUND" || e?.code === "EAI_AGAIN") return "the host name does not resolve";
  if (e?.code === "ECONNRESET") return "connection reset";
  return e?.message ? e.message.slice(0, 300) : String(err).slice(0, 300);
}

/**
 * Sends deliveries over kept-alive connections (one pool per worker). In production every new
 * connection resolves its host through publicOnlyLookup.
 */
export class DeliverySender {
  private readonly agents: { http: HttpAgent; https: HttpsAgent };

  constructor(private readonly publicOnly: boolean) {
    const lookup = publicOnly ? { lookup: publicOnlyLookup } : {};
    this.agents = {
      http: new HttpAgent({ keepAlive: true, ...lookup }),
      https: new HttpsAgent({ keepAlive: true, ...lookup }),
    };
  }

  post(opts: Omit<PostOptions, "publicOnly" | "agents">): Promise<AttemptResult> {
    return postDelivery({ ...opts, publicOnly: this.publicOnly, agents: this.agents });
  }

  /** Closes the kept-alive connections (graceful shutdown). */
  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }
}

/**
 * One POST with node's http client: it never follows redirects (a 3xx is a non-2xx answer,
 * so a failure), the whole exchange must finish within `timeoutMs`, and only 2xx counts as
 * success. The answer's body is read and dropped (up to 64 KiB), so the connection can be
 * reused.
 */
export function postDelivery(opts: PostOptions): Promise<AttemptResult> {
  let url: URL;
  try {
    url = new URL(opts.url);
  } catch {
    return Promise.resolve({ ok: false, statusCode: null, error: "the url is not valid" });
  }
  if (opts.publicOnly) {
    const ip = ipLiteralOf(url.hostname);
    if (ip && !isPublicAddress(ip)) {
      return Promise.resolve({
        ok: false,
        statusCode: null,
        error: `Refused to deliver to ${ip}: not a public address`,
      });
    }
  }
  const secure = url.protocol === "https:";
  const agent = secure ? opts.agents.https : opts.agents.http;
  const send = secure ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = send(
      url,
      {
        method: "POST",
        agent,
        headers: { ...opts.headers, "content-length": String(Buffer.byteLength(opts.body)) },
      },
      (res: IncomingMessage) => {
        const status = res.statusCode ?? 0;
        let read = 0;
        res.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read > 65_536) res.destroy();
        });
        const done = () => {
          if (status >= 200 && status < 300) finish({ ok: true, statusCode: status, error: null });
          else if (status >= 300 && status < 400)
            finish({ ok: false, statusCode: status, error: `HTTP ${status}: redirects are not followed` });
          else finish({ ok: false, statusCode: status, error: `HTTP ${status}` });
        };
        res.on("end", done);
        res.on("close", done);
        res.on("error", done);
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      finish({ ok: false, statusCode: null, error: `no answer within ${opts.timeoutMs / 1000} s` });
    }, opts.timeoutMs);
    req.on("error", (err) => finish({ ok: false, statusCode: null, error: describeError(err) }));
    req.end(opts.body);
  });
}
