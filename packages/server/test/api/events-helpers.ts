import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SCOPES, type EventType } from "@opentrain-ai/contract";
import { http, mintToken, sandbox, type TestServer } from "@opentrain-ai/testkit";
import { expect } from "vitest";
import { recordEvent } from "../../src/services/events/record-event.js";
import { issueToken } from "../../src/services/tokens/issue-token.js";
import { ctxOf } from "./messages-helpers.js";

/** Public API call. */
export const api = (t: TestServer, method: string, path: string, token: string | null, json?: unknown) =>
  http(t.baseUrl, method, `/api/public/v1${path}`, { token, json });

/** A token of the account with every scope (webhooks:manage and the three read scopes). */
export const allScopes = (t: TestServer, accountId: string) => mintToken(t, accountId, [...SCOPES], "events tests");

/**
 * An agent account on a production server (no sandbox helpers there) with a token holding
 * every scope, issued through the token service as the app's API-keys page would.
 */
export async function productionToken(s: TestServer): Promise<{ token: string; accountId: string }> {
  const reg = await http(s.baseUrl, "POST", "/api/agent/identity", { json: {} });
  expect(reg.status).toBe(200);
  const me = await api(s, "GET", "/auth/me", reg.body.access_token);
  const issued = await issueToken(ctxOf(s), {
    accountId: me.body.account.id,
    userId: me.body.actor.userId,
    name: "production test token",
    scopes: [...SCOPES],
    origin: "app",
  });
  return { token: issued.secret, accountId: me.body.account.id };
}

/** Writes an event through the service (in its own transaction), as the money area will. */
export async function writeEvent(
  t: TestServer,
  accountId: string,
  type: EventType,
  data: Record<string, unknown>,
  resourceId = String(Object.values(data)[0]),
): Promise<void> {
  const ctx = ctxOf(t);
  await ctx.db.transaction(async (tx) =>
    recordEvent(
      { ...ctx, db: tx as unknown as typeof ctx.db },
      {
        accountId,
        type,
        resourceId,
        jobId: typeof data.jobId === "string" ? data.jobId : null,
        data: data as never,
      },
    ),
  );
}

/** Sample `data` per type, ids only. */
export const SAMPLE_DATA: Record<EventType, Record<string, unknown>> = {
  "proposal.received": { proposalId: "prp_s1", jobId: "job_s1" },
  "proposal.status_changed": { proposalId: "prp_s1", status: "SHORTLISTED" },
  "message.received": { conversationId: "cnv_s1", messageId: "msg_s1" },
  "contract.created": { contractId: "ctr_s1", jobId: "job_s1", proposalId: "prp_s1" },
  "milestone.status_changed": { milestoneId: "mst_s1", contractId: "ctr_s1", status: "ACTIVE_FUNDED" },
  "payment.pending": { invoiceId: "inv_s1", milestoneId: "mst_s1", contractId: "ctr_s1" },
  "approval.confirmed": { approvalId: "apr_s1", status: "confirmed" },
  "contract.budget_state_changed": {
    contractId: "ctr_s1",
    previousState: "OK",
    state: "LOW",
    paymentType: "PAY_PER_LABEL",
    fundedVolume: 1000,
    consumedVolume: 850,
    remainingVolume: 150,
    consumedFraction: 0.85,
  },
};

/** Every page of GET /updates from `cursor` on. */
export async function pollAll(t: TestServer, token: string, opts: { cursor?: string; limit?: number } = {}) {
  const events: any[] = [];
  let cursor = opts.cursor;
  for (;;) {
    const qs = new URLSearchParams();
    if (cursor !== undefined) qs.set("cursor", cursor);
    if (opts.limit) qs.set("limit", String(opts.limit));
    const res = await api(t, "GET", `/updates?${qs}`, token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    events.push(...res.body.events);
    cursor = res.body.nextCursor ?? undefined;
    if (!res.body.hasMore) return { events, cursor };
  }
}

export async function advance(t: TestServer, seconds: number) {
  const res = await sandbox(t, "POST", "/clock/advance", { seconds });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/**
 * Waits until the server's delivery worker has nothing due and every attempt it started is
 * recorded (the pass the clock helper also awaits).
 */
export const settle = (t: TestServer) => t.server.webhooks.kick();

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  receivedAtMs: number;
}

export type Responder = (req: ReceivedRequest, index: number) => { status: number; headers?: Record<string, string> };

/** A real HTTP receiver on 127.0.0.1 that records every request and answers with `respond`. */
export async function startReceiver(respond: Responder = () => ({ status: 204 })) {
  const requests: ReceivedRequest[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  let responder = respond;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const rec: ReceivedRequest = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        rawBody: Buffer.concat(chunks),
        receivedAtMs: Date.now(),
      };
      requests.push(rec);
      const answer = responder(rec, requests.length - 1);
      res.writeHead(answer.status, answer.headers ?? {});
      res.end();
      for (const w of waiters.splice(0)) {
        if (requests.length >= w.n) w.resolve();
        else waiters.push(w);
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}/hooks/opentrain`,
    requests,
    setResponder(next: Responder) {
      responder = next;
    },
    /** Resolves once `n` requests arrived in all (rejects after `timeoutMs`). */
    waitFor(n: number, timeoutMs = 15_000): Promise<void> {
      if (requests.length >= n) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`receiver: ${requests.length} of ${n} requests after ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          n,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/**
 * The documented signature check (spec 40 §5), written from the spec alone: parse
 * `t=<unix>,v1=<hex>`, HMAC-SHA256 the `<t>.<raw body>` bytes with the whole whsec_ secret,
 * compare in constant time, and require |now − t| ≤ 300 s.
 */
export function signatureValid(
  secret: string,
  header: string | string[] | undefined,
  rawBody: Buffer,
  nowMs = Date.now(),
) {
  if (typeof header !== "string") return false;
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=") as [string, string]));
  if (!/^\d+$/.test(parts.t ?? "") || !/^[0-9a-f]{64}$/.test(parts.v1 ?? "")) return false;
  if (Math.abs(nowMs / 1000 - Number(parts.t)) > 300) return false;
  const expected = createHmac("sha256", secret)
    .update(Buffer.concat([Buffer.from(`${parts.t}.`), rawBody]))
    .digest();
  return timingSafeEqual(expected, Buffer.from(parts.v1!, "hex"));
}

/** `t` of a signature header, in unix seconds. */
export const signedAt = (header: unknown) => Number(/(?:^|,)t=(\d+)/.exec(String(header))?.[1]);
