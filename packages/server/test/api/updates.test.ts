import { EVENT_TYPES, updatesPageSchema, type EventType } from "@opentrain-ai/contract";
import { claimedAgent, mintToken, startTestServer, type ClaimedAgent, type TestServer } from "@opentrain-ai/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_DATA, allScopes, api, pollAll, writeEvent } from "./events-helpers.js";
import { activeTrainers, openThread, send, trainerWrites } from "./messages-helpers.js";

let t: TestServer;
let owner: ClaimedAgent;
let other: ClaimedAgent;
let all: string;
/** Types in the order they were written for `owner`. */
const written: EventType[] = [];

beforeAll(async () => {
  t = await startTestServer();
  owner = await claimedAgent(t);
  other = await claimedAgent(t);
  all = await allScopes(t, owner.accountId);
  // Real events from the proposal and message flows...
  const [trainer] = await activeTrainers(t);
  const thread = await openThread(t, owner, trainer!); // proposal.received
  written.push("proposal.received");
  expect((await send(t, owner.token, thread.conversationId, "Hello, when can you start?")).status).toBe(201);
  expect((await trainerWrites(t, trainer!.id, thread.conversationId, "Monday works for me.")).status).toBe(201);
  written.push("message.received");
  // ...and one of every type through the service the money area writes them with.
  for (const type of EVENT_TYPES) {
    await writeEvent(t, owner.accountId, type, SAMPLE_DATA[type]);
    written.push(type);
  }
  await writeEvent(t, other.accountId, "proposal.received", SAMPLE_DATA["proposal.received"]);
}, 120_000);
afterAll(() => t?.close());

const poll = (token: string, query = "") => api(t, "GET", `/updates${query}`, token);

describe("GET /updates", () => {
  it("returns the account's events oldest first in the documented shape, nothing of other accounts", async () => {
    const res = await poll(all);
    expect(res.status).toBe(200);
    expect(updatesPageSchema.parse(res.body)).toEqual(res.body);
    const ids = res.body.events.map((e: any) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(res.body.events.map((e: any) => e.type)).toEqual(written);
    expect(res.body.nextCursor).toBe(res.body.events.at(-1).id);
    expect(res.body.hasMore).toBe(false);
    for (const e of res.body.events) {
      expect(e.apiVersion).toBe("v1");
      expect(e.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
    const budget = res.body.events.find((e: any) => e.type === "contract.budget_state_changed");
    expect(budget).toMatchObject({ resourceId: "ctr_s1", data: SAMPLE_DATA["contract.budget_state_changed"] });
    const other = await allScopes(t, (await claimedAgent(t)).accountId);
    expect((await poll(other)).body).toEqual({ events: [], nextCursor: null, hasMore: false });
  });

  it("pages with nextCursor and hasMore: strictly newer events, no gaps, no repeats", async () => {
    const whole = (await poll(all)).body.events;
    const seen: any[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 20; page++) {
      const res = await poll(all, `?limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      expect(res.body.events.length).toBeLessThanOrEqual(3);
      if (cursor) for (const e of res.body.events) expect(Number(e.id)).toBeGreaterThan(Number(cursor));
      seen.push(...res.body.events);
      expect(res.body.hasMore).toBe(seen.length < whole.length);
      cursor = res.body.nextCursor;
      if (!res.body.hasMore) break;
    }
    expect(seen).toEqual(whole);
  });

  it("an empty page echoes the cursor; a new event then appears after it", async () => {
    const { cursor } = await pollAll(t, all);
    const empty = await poll(all, `?cursor=${cursor}`);
    expect(empty.body).toEqual({ events: [], nextCursor: cursor, hasMore: false });
    await writeEvent(t, owner.accountId, "approval.confirmed", { approvalId: "apr_late", status: "declined" });
    written.push("approval.confirmed");
    const next = await poll(all, `?cursor=${cursor}`);
    expect(next.body.events).toHaveLength(1);
    expect(next.body.events[0]).toMatchObject({ type: "approval.confirmed", resourceId: "apr_late" });
    expect(Number(next.body.nextCursor)).toBeGreaterThan(Number(cursor));
  });

  it("defaults to 50 events a page and takes 1 to 200", async () => {
    const busy = await claimedAgent(t);
    const token = await allScopes(t, busy.accountId);
    for (let i = 0; i < 52; i++) {
      await writeEvent(t, busy.accountId, "message.received", { conversationId: `cnv_${i}`, messageId: `msg_${i}` });
    }
    const first = await poll(token);
    expect(first.body.events).toHaveLength(50);
    expect(first.body.hasMore).toBe(true);
    expect((await poll(token, "?limit=200")).body.events).toHaveLength(52);
    expect((await poll(token, "?limit=1")).body.events).toHaveLength(1);
    for (const bad of ["0", "201", "-1", "abc", "1.5"]) {
      const res = await poll(token, `?limit=${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body).toMatchObject({ code: "BAD_REQUEST", details: { field: "limit" } });
    }
  });

  it("answers 400 with a clear message to a cursor no poll returned", async () => {
    for (const bad of ["abc", "-5", "1e3", "12.5", "99999999999999999999", "9223372036854775808"]) {
      const res = await poll(all, `?cursor=${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.code).toBe("BAD_REQUEST");
      expect(res.body.details.field).toBe("cursor");
      expect(res.body.error).toMatch(/cursor/);
    }
    const { cursor } = await pollAll(t, all);
    const ahead = await poll(all, `?cursor=${Number(cursor) + 1_000_000}`);
    expect(ahead.status).toBe(400);
    expect(ahead.body.error).toContain("ahead of the event log");
    expect(ahead.body.error).toContain("nextCursor");
    expect((await poll(all, "?cursor=0")).body.events.length).toBe(written.length);
  });
});

describe("GET /updates scope filtering", () => {
  const scenarios: [string, string[], (type: EventType) => boolean][] = [
    ["proposals:read", ["proposals:read"], (type) => type.startsWith("proposal.")],
    ["messages:read", ["messages:read"], (type) => type === "message.received"],
    ["payments:read", ["payments:read"], (type) => !type.startsWith("proposal.") && type !== "message.received"],
    ["proposals:write (implies read)", ["proposals:write"], (type) => type.startsWith("proposal.")],
    ["messages:read + payments:read", ["messages:read", "payments:read"], (type) => !type.startsWith("proposal.")],
  ];
  it.each(scenarios)("a token with %s sees exactly its types, in order", async (_name, scopes, visible) => {
    const token = await mintToken(t, owner.accountId, scopes);
    const { events } = await pollAll(t, token);
    expect(events.map((e) => e.type)).toEqual(written.filter(visible));
  });

  it("hidden events are skipped without error: the cursor moves past them", async () => {
    const token = await mintToken(t, owner.accountId, ["messages:read"]);
    const everything = (await pollAll(t, all)).events;
    const firstMessage = everything.find((e) => e.type === "message.received");
    const page = await poll(token, "?limit=1");
    expect(page.body.events).toEqual([firstMessage]);
    expect(page.body.hasMore).toBe(true);
    const rest = await poll(token, `?cursor=${page.body.nextCursor}&limit=200`);
    expect(rest.body.events.every((e: any) => e.type === "message.received")).toBe(true);
    expect(rest.body.hasMore).toBe(false);
  });

  it("a token with none of the three read scopes gets 403 with the required scopes", async () => {
    const token = await mintToken(t, owner.accountId, ["jobs:read", "jobs:write", "team:read", "webhooks:manage"]);
    const res = await poll(token);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      code: "FORBIDDEN",
      details: {
        reason: "insufficient_scope",
        requiredScopes: ["proposals:read", "messages:read", "payments:read"],
        grantedScopes: ["jobs:read", "jobs:write", "team:read", "webhooks:manage"],
      },
    });
  });

  it("works before the claim (the pre-claim token holds the read scopes)", async () => {
    const { registerAgent } = await import("@opentrain-ai/testkit");
    const agent = await registerAgent(t);
    const res = await poll(agent.token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ events: [], nextCursor: null, hasMore: false });
  });
});
