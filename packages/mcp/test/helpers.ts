import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { createServer, type CreateServerOptions } from "../src/index.js";

export const BASE_URL = "http://api.test";

/** The BUILT binary (`npm run build`); the stdio tests spawn it with `node`. */
export const BIN = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

/** A temp XDG_CONFIG_HOME; the credentials file lives at <dir>/opentrain/cli.json. */
export function tempConfigHome(): { dir: string; credentialsFile: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "opentrain-mcp-test-"));
  return {
    dir,
    credentialsFile: join(dir, "opentrain", "cli.json"),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: string;
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };
type Route = (req: RecordedRequest) => Reply | Promise<Reply>;

/** A fetch that answers from `routes` keyed by "METHOD /path" and records every request. */
export function fakeFetch(routes: Record<string, Route | Reply>) {
  const requests: RecordedRequest[] = [];
  const impl = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    const req: RecordedRequest = {
      method: (init.method ?? "GET").toUpperCase(),
      path: url.pathname,
      query: url.searchParams,
      headers: new Headers(init.headers),
      body: typeof init.body === "string" ? init.body : "",
    };
    requests.push(req);
    const route = routes[`${req.method} ${req.path}`];
    if (!route) {
      return Response.json(
        { error: `no fake route for ${req.method} ${req.path}`, code: "NOT_FOUND", requestId: "req_fake" },
        { status: 404 },
      );
    }
    const reply = typeof route === "function" ? await route(req) : route;
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { "content-type": "application/json", ...(reply.headers ?? {}) },
    });
  };
  return { fetch: impl as typeof fetch, requests };
}

/** A real MCP client connected in-process to the server built with `options`. */
export async function connect(options: CreateServerOptions): Promise<{ client: Client; close: () => Promise<void> }> {
  const { server } = createServer(options);
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: "opentrain-mcp-test", version: "0.0.0" });
  await Promise.all([server.connect(serverTransport), client.connect(clientTransport)]);
  return {
    client,
    close: async () => {
      await client.close();
      await server.close();
    },
  };
}

/** Calls a tool and returns the result with typed fields. */
export async function call(client: Client, name: string, args: Record<string, unknown> = {}) {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = result.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");
  return {
    result,
    text,
    data: (result.structuredContent ?? {}) as Record<string, any>,
    isError: result.isError === true,
  };
}
