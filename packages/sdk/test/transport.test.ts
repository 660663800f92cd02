/**
 * The SDK's default transport (node:http, not fetch) against real local HTTP servers: what it
 * must do like fetch did — redirects, credentials kept on their origin, bodies, error codes.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NetworkError, send } from "../src/index.js";

interface Seen {
  method: string;
  url: string;
  authorization?: string;
  contentType?: string;
  acceptEncoding?: string;
  body: string;
}

async function listen(
  handler: (req: IncomingMessage, body: string) => [number, Record<string, string>, string | Buffer],
) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      seen.push({
        method: req.method ?? "",
        url: req.url ?? "",
        authorization: req.headers.authorization,
        contentType: req.headers["content-type"],
        acceptEncoding: req.headers["accept-encoding"],
        body,
      });
      const [status, headers, out] = handler(req, body);
      res.writeHead(status, headers).end(out);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, origin, seen };
}

describe("send over node:http", () => {
  let main: Awaited<ReturnType<typeof listen>>;
  let other: Awaited<ReturnType<typeof listen>>;
  const servers: Server[] = [];

  beforeAll(async () => {
    other = await listen(() => [200, { "content-type": "application/json" }, '{"where":"other"}']);
    main = await listen((req) => {
      if (req.url === "/see-other") return [303, { location: "/landing" }, ""];
      if (req.url === "/temporary") return [307, { location: "/landing" }, ""];
      if (req.url === "/away") return [302, { location: `${other.origin}/landing` }, ""];
      if (req.url === "/listing" && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
        return [200, { "content-type": "application/json", "content-encoding": "gzip" }, gzipSync('{"jobs":["ü"]}')];
      }
      if (req.url === "/listing") return [200, { "content-type": "application/json" }, '{"jobs":["plain"]}'];
      if (req.url === "/corrupt") return [200, { "content-encoding": "gzip" }, "not gzip at all"];
      return [201, { "content-type": "application/json", "x-request-id": "req_1" }, '{"ok":"é"}'];
    });
    servers.push(main.server, other.server);
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  });

  const post = (body: string) => ({
    method: "POST",
    headers: { authorization: "Bearer ot_pat_x", "content-type": "application/json" },
    body,
  });

  it("answers status, headers and the UTF-8 body", async () => {
    const res = await send(`${main.origin}/plain`, post('{"a":"ü"}'));
    expect(res).toMatchObject({ status: 201, text: '{"ok":"é"}' });
    expect(res.headers.get("X-Request-Id")).toBe("req_1");
    expect(res.headers.has("x-missing")).toBe(false);
    expect(main.seen.at(-1)).toMatchObject({ method: "POST", body: '{"a":"ü"}', contentType: "application/json" });
  });

  it("follows a 307 with the method and body, and turns a 303 into a body-less GET", async () => {
    main.seen.length = 0;
    expect((await send(`${main.origin}/temporary`, post('{"n":1}'))).status).toBe(201);
    expect(main.seen.map((s) => [s.method, s.url, s.body])).toEqual([
      ["POST", "/temporary", '{"n":1}'],
      ["POST", "/landing", '{"n":1}'],
    ]);
    main.seen.length = 0;
    expect((await send(`${main.origin}/see-other`, post('{"n":2}'))).status).toBe(201);
    expect(main.seen.map((s) => [s.method, s.url, s.body, s.contentType])).toEqual([
      ["POST", "/see-other", '{"n":2}', "application/json"],
      ["GET", "/landing", "", undefined],
    ]);
  });

  it("does not carry the token to another origin on a redirect", async () => {
    const res = await send(`${main.origin}/away`, { method: "GET", headers: { authorization: "Bearer ot_pat_x" } });
    expect(res).toMatchObject({ status: 200, text: '{"where":"other"}' });
    expect(main.seen.at(-1)?.authorization).toBe("Bearer ot_pat_x");
    expect(other.seen.at(-1)).toMatchObject({ method: "GET", url: "/landing", authorization: undefined });
  });

  it("asks for gzip and decodes a gzip answer, like fetch; an encoding the caller chose is kept", async () => {
    const res = await send(`${main.origin}/listing`, { method: "GET" });
    expect(res).toMatchObject({ status: 200, text: '{"jobs":["ü"]}' });
    expect(main.seen.at(-1)?.acceptEncoding).toBe("gzip");
    const identity = await send(`${main.origin}/listing`, {
      method: "GET",
      headers: { "Accept-Encoding": "identity" },
    });
    expect(identity.text).toBe('{"jobs":["plain"]}');
    expect(main.seen.at(-1)?.acceptEncoding).toBe("identity");
  });

  it("reports a corrupt gzip body instead of returning garbage", async () => {
    const err = await send(`${main.origin}/corrupt`, { method: "GET" }, { retryDelaysMs: [] }).catch((e) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(err).toMatchObject({ code: "NETWORK_ERROR", notSent: false, answered: true });
    expect((err as NetworkError).message).toMatch(
      new RegExp(`^The answer from ${main.origin} could not be read: its gzip body is corrupt \\(`),
    );
  });

  it("retries a GET whose body could not be read, then reports it as answered", async () => {
    let calls = 0;
    const cutOff = (async () => {
      calls++;
      return new Response(
        new ReadableStream({
          pull(controller) {
            controller.error(new TypeError("terminated"));
          },
        }),
      );
    }) as typeof fetch;
    const err = await send("http://api.test/x", { method: "GET" }, { fetch: cutOff, retryDelaysMs: [0, 0] }).catch(
      (e) => e,
    );
    expect(calls).toBe(3);
    expect(err).toBeInstanceOf(NetworkError);
    expect(err).toMatchObject({
      answered: true,
      message: "The answer from http://api.test could not be read: terminated",
    });
    calls = 0;
    const post = await send("http://api.test/x", { method: "POST" }, { fetch: cutOff, retryDelaysMs: [0, 0] }).catch(
      (e) => e,
    );
    expect(calls).toBe(1);
    expect(post).toMatchObject({ answered: true, notSent: false });
  });

  it("reports a refused connection as not sent, after the GET retries", async () => {
    const closed = await listen(() => [200, {}, ""]);
    await new Promise((r) => closed.server.close(r));
    const err = await send(`${closed.origin}/x`, { method: "GET" }, { retryDelaysMs: [0, 0] }).catch((e) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(err).toMatchObject({ code: "NETWORK_ERROR", notSent: true });
    expect((err as Error).message).toContain("ECONNREFUSED");
  });
});
