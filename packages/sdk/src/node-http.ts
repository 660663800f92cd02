import type { IncomingHttpHeaders, IncomingMessage, RequestOptions } from "node:http";

/** The part of fetch's `Headers` the SDK reads (a fetch Response's headers satisfy it too). */
export type ResponseHeaders = Pick<Headers, "get" | "has">;

/** One HTTP answer, body already read. */
export interface HttpAnswer {
  status: number;
  headers: ResponseHeaders;
  text: string;
}

/** A request `nodeHttpRequest` can send itself: a plain header object and a string body. */
export interface PlainRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** The server answered, but its body could not be decoded. */
export class UnreadableBodyError extends Error {
  override readonly name = "UnreadableBodyError";
  constructor(message: string, cause: unknown) {
    super(message, { cause });
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 20;

class NodeHeaders implements ResponseHeaders {
  constructor(private readonly raw: IncomingHttpHeaders) {}
  get(name: string): string | null {
    const v = this.raw[name.toLowerCase()];
    return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v;
  }
  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }
}

/** Asks for gzip unless the caller chose an encoding (header names in any case). */
function withAcceptEncoding(headers: Record<string, string>): Record<string, string> {
  if (Object.keys(headers).some((k) => k.toLowerCase() === "accept-encoding")) return headers;
  return { ...headers, "accept-encoding": "gzip" };
}

/**
 * The body as text, gunzipped when the server sent gzip (as fetch does). Only cached public
 * listings are sent gzipped: a 20-job search page is ~35 KiB as it is and ~3.4 KiB gzipped.
 */
async function decodeBody(headers: IncomingHttpHeaders, body: Buffer): Promise<string> {
  const encoding = headers["content-encoding"]?.trim().toLowerCase();
  if (encoding !== "gzip" && encoding !== "x-gzip") return body.toString("utf8");
  const { gunzip } = await import("node:zlib");
  const plain = await new Promise<Buffer>((resolve, reject) =>
    gunzip(body, (err, out) =>
      err ? reject(new UnreadableBodyError(`its gzip body is corrupt (${err.message})`, err)) : resolve(out),
    ),
  );
  return plain.toString("utf8");
}

/** One request, no redirects: status, raw headers and the whole body (decoded). */
async function exchangeOnce(
  url: URL,
  req: PlainRequest,
  signal: AbortSignal,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  const { request } = url.protocol === "https:" ? await import("node:https") : await import("node:http");
  const options: RequestOptions = { method: req.method, headers: withAcceptEncoding(req.headers), signal };
  const answer = await new Promise<{ status: number; headers: IncomingHttpHeaders; raw: Buffer }>((resolve, reject) => {
    const r = request(url, options, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, raw: Buffer.concat(chunks) }));
      res.on("close", () => {
        if (!res.complete) reject(signal.aborted ? signal.reason : new Error("The connection closed mid-response"));
      });
    });
    r.on("error", reject);
    r.end(req.body);
  });
  return { status: answer.status, headers: answer.headers, body: await decodeBody(answer.headers, answer.raw) };
}

/**
 * The SDK's default transport: fetch's semantics for what the SDK sends (method, plain headers,
 * a string body, an abort signal; redirects followed like fetch does), over node:http(s).
 * Node's global fetch loads undici (its JavaScript plus a WebAssembly HTTP parser) on first use:
 * about a fifth of a CLI command's cold start, while node:http is in Node's start-up snapshot.
 */
export async function nodeHttpRequest(url: string, init: PlainRequest, signal: AbortSignal): Promise<HttpAnswer> {
  let target = new URL(url);
  let req = init;
  for (let hop = 0; ; hop++) {
    const res = await exchangeOnce(target, req, signal);
    const location = res.headers.location;
    if (!REDIRECTS.has(res.status) || location === undefined || hop === MAX_REDIRECTS) {
      return { status: res.status, headers: new NodeHeaders(res.headers), text: res.body };
    }
    const next = new URL(location, target);
    const headers = { ...req.headers };
    // Like fetch: 303 (and 301/302 after a POST) turn into a body-less GET; credentials stay on the origin.
    const toGet = res.status === 303 || ((res.status === 301 || res.status === 302) && req.method === "POST");
    if (toGet) delete headers["content-type"];
    if (next.origin !== target.origin) delete headers.authorization;
    req = toGet ? { method: req.method === "HEAD" ? "HEAD" : "GET", headers } : { ...req, headers };
    target = next;
  }
}
