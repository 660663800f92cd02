import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IO } from "../src/io.js";
import { run } from "../src/main.js";

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string | undefined;
}

export type Route = (req: RecordedRequest) => { status: number; body?: unknown } | undefined;

/** A fetch that answers from `route` and records every request. */
export function fakeFetch(route: Route) {
  const requests: RecordedRequest[] = [];
  const impl = (async (input: string | URL | Request, init?: RequestInit) => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries((init?.headers as Record<string, string>) ?? {})) headers[k.toLowerCase()] = v;
    const req: RecordedRequest = {
      method: init?.method ?? "GET",
      url: new URL(String(input)),
      headers,
      body: typeof init?.body === "string" ? init.body : undefined,
    };
    requests.push(req);
    const res = route(req) ?? {
      status: 404,
      body: { error: "no route in test", code: "NOT_FOUND", requestId: "req_test" },
    };
    const text = res.body === undefined ? "" : JSON.stringify(res.body);
    return new Response(res.status === 204 ? null : text, {
      status: res.status,
      headers: { "content-type": "application/json", "x-request-id": "req_test" },
    });
  }) as typeof fetch;
  return { fetch: impl, requests };
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A temporary XDG_CONFIG_HOME, removed by `cleanup()`. */
export function tempConfig(): { dir: string; env: Record<string, string>; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "opentrain-cli-test-"));
  return { dir, env: { XDG_CONFIG_HOME: dir }, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs the CLI in-process against buffers. */
export async function runCli(
  argv: string[],
  opts: {
    env?: Record<string, string | undefined>;
    fetch?: typeof fetch;
    tty?: boolean;
    stdin?: string;
    sleep?: (ms: number) => Promise<void>;
    now?: () => number;
    onInterrupt?: (handler: () => void) => () => void;
  } = {},
): Promise<RunResult> {
  const t = IO.test({ tty: opts.tty, stdin: opts.stdin });
  const code = await run(argv, {
    io: t.io,
    env: opts.env ?? { XDG_CONFIG_HOME: "/nonexistent-opentrain-test" },
    fetch: opts.fetch,
    sleep: opts.sleep ?? (async () => {}),
    now: opts.now,
    retryDelaysMs: [0, 0],
    ...(opts.onInterrupt ? { onInterrupt: opts.onInterrupt } : {}),
  });
  return { code, stdout: t.stdout(), stderr: t.stderr() };
}

export const ME = {
  actor: {
    userId: "usr_1",
    email: null,
    firstName: "Agent",
    lastName: "",
    fullName: "Claude Code",
    userType: "EMPLOYER",
  },
  token: {
    id: "tok_1",
    label: "Agent registration",
    scopes: ["jobs:read", "jobs:write"],
    ownerOrganizationId: "org_1",
  },
  account: {
    id: "org_1",
    kind: "employer_organization",
    organizationName: "Acme Labs",
    organizationId: "org_1",
    ownerUserId: "usr_1",
    memberRole: "OWNER",
    claimed: false,
    claimedAt: null,
  },
};

export const TOKEN_RECORD = {
  id: "tok_1",
  name: "Agent registration",
  preview: "ot_pat_8f2a********91cd",
  scopes: ["jobs:read", "jobs:write"],
  status: "active",
  organizationId: "org_1",
  createdAt: "2026-01-01T09:00:00.000Z",
  lastUsedAt: null,
  expiresAt: null,
  revokedAt: null,
};

export type Reply = { status: number; body?: unknown };

/** A stub Public API keyed by "METHOD /path" (path without the /api/public/v1 prefix). */
export const stubApi = (routes: Record<string, Reply | ((req: RecordedRequest) => Reply)>) =>
  fakeFetch((req) => {
    const route = routes[`${req.method} ${req.url.pathname.replace("/api/public/v1", "")}`];
    return typeof route === "function" ? route(req) : route;
  });
