import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { DeliverySender } from "../../src/webhooks/post-delivery.js";
import { isPublicAddress, publicOnlyLookup } from "../../src/webhooks/target-policy.js";

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const s = createServer(handler);
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

describe("target policy", () => {
  it.each([
    ["93.184.216.34", true],
    ["2606:4700:4700::1111", true],
    ["127.0.0.1", false],
    ["10.0.0.8", false],
    ["172.16.4.1", false],
    ["192.168.1.1", false],
    ["169.254.169.254", false],
    ["100.64.0.1", false],
    ["0.0.0.0", false],
    ["::1", false],
    ["fe80::1", false],
    ["fd00::1", false],
    ["::ffff:127.0.0.1", false],
    ["::ffff:8.8.8.8", true],
    ["224.0.0.1", false],
    ["not-an-ip", false],
  ])("%s is public: %s", (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });

  it("the lookup refuses a name that resolves to loopback", async () => {
    const err = await new Promise<Error | null>((resolve) =>
      publicOnlyLookup("localhost", { all: false }, (e) => resolve(e as Error | null)),
    );
    expect(err?.message).toMatch(/^Refused to deliver to localhost: it resolves to the non-public address/);
  });
});

describe("DeliverySender", () => {
  it("gives up after the timeout and reports it", async () => {
    const url = await serve(() => {
      /* never answers */
    });
    const started = Date.now();
    const result = await new DeliverySender(false).post({ url, body: "{}", headers: {}, timeoutMs: 300 });
    expect(result).toEqual({ ok: false, statusCode: null, error: "no answer within 0.3 s" });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("does not follow a redirect and counts it as a failure", async () => {
    const seen: string[] = [];
    const url = await serve((req, res) => {
      seen.push(req.url ?? "");
      res.writeHead(307, { location: "/elsewhere" }).end();
    });
    const result = await new DeliverySender(false).post({
      url: `${url}/hook`,
      body: "{}",
      headers: {},
      timeoutMs: 2_000,
    });
    expect(result).toEqual({ ok: false, statusCode: 307, error: "HTTP 307: redirects are not followed" });
    expect(seen).toEqual(["/hook"]);
  });

  it("sends the body and headers as given, and 2xx is success", async () => {
    let got: { body: string; headers: Record<string, unknown> } | null = null;
    const url = await serve((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        got = { body, headers: req.headers };
        res.writeHead(202).end("accepted");
      });
    });
    const result = await new DeliverySender(false).post({
      url,
      body: '{"id":"1","emoji":"é"}',
      headers: { "x-opentrain-event": "proposal.received" },
      timeoutMs: 2_000,
    });
    expect(result).toEqual({ ok: true, statusCode: 202, error: null });
    expect(got!.body).toBe('{"id":"1","emoji":"é"}');
    expect(got!.headers["x-opentrain-event"]).toBe("proposal.received");
    expect(got!.headers["content-length"]).toBe(String(Buffer.byteLength('{"id":"1","emoji":"é"}')));
  });

  it("in production mode refuses loopback targets, by literal and by name, without connecting", async () => {
    let hits = 0;
    const url = await serve((_req, res) => {
      hits++;
      res.end();
    });
    const port = new URL(url).port;
    const sender = new DeliverySender(true);
    const literal = await sender.post({ url, body: "{}", headers: {}, timeoutMs: 2_000 });
    expect(literal.error).toBe("Refused to deliver to 127.0.0.1: not a public address");
    const byName = await sender.post({ url: `http://localhost:${port}/`, body: "{}", headers: {}, timeoutMs: 2_000 });
    expect(byName.ok).toBe(false);
    expect(byName.error).toMatch(/^Refused to deliver to localhost: it resolves to the non-public address/);
    expect(hits).toBe(0);
    sender.close();
  });
});
