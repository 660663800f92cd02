import { afterEach, describe, expect, it } from "vitest";
import { fakeFetch, runCli, tempConfig } from "./helpers.js";

/** `updates poll` (with --follow) and the webhooks layouts, in process against a fake API. */
const cfg = tempConfig();
afterEach(() => undefined);
const env = { ...cfg.env, OT_API_TOKEN: "ot_pat_test", OT_API_BASE_URL: "http://api.test" };
const ok = (body: unknown) => ({ status: 200, body });

const event = (id: number, type = "proposal.received") => ({
  id: String(id),
  type,
  apiVersion: "v1",
  createdAt: `2026-07-02T09:00:0${id % 10}.000Z`,
  resourceId: `prp_${id}`,
  jobId: "job_1",
  data: { proposalId: `prp_${id}`, jobId: "job_1" },
});

/** A feed whose events are those in `log` (which the test may extend), paged like the server. */
function feed(log: ReturnType<typeof event>[], limit = 50) {
  return fakeFetch((req) => {
    if (!req.url.pathname.endsWith("/updates")) return undefined;
    const cursor = Number(req.url.searchParams.get("cursor") ?? 0);
    const take = Number(req.url.searchParams.get("limit") ?? limit);
    const after = log.filter((e) => Number(e.id) > cursor);
    const page = after.slice(0, take);
    return ok({
      events: page,
      nextCursor: page.at(-1)?.id ?? req.url.searchParams.get("cursor"),
      hasMore: after.length > take,
    });
  });
}

describe("opentrain updates poll", () => {
  it("prints one line per event and the command for next time", async () => {
    const f = feed([event(1), event(2, "message.received")]);
    const r = await runCli(["updates", "poll"], { env, fetch: f.fetch });
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").slice(0, 2)).toEqual([
      "1  2026-07-02T09:00:01.000Z  proposal.received  proposalId=prp_1 jobId=job_1",
      "2  2026-07-02T09:00:02.000Z  message.received  proposalId=prp_2 jobId=job_1",
    ]);
    expect(r.stdout).toContain("Next cursor: 2 (poll again later: opentrain updates poll --cursor 2)");
    const more = await runCli(["updates", "poll", "--limit", "1"], { env, fetch: f.fetch });
    expect(more.stdout).toContain("More events are waiting: opentrain updates poll --cursor 1");
    expect(f.requests.at(-1)!.url.search).toBe("?limit=1");
    const none = await runCli(["updates", "poll", "--cursor", "2"], { env, fetch: f.fetch });
    expect(none.stdout.split("\n")[0]).toBe("No new events.");
    const json = await runCli(["updates", "poll", "--json"], { env, fetch: f.fetch });
    expect(JSON.parse(json.stdout)).toEqual({
      events: [event(1), event(2, "message.received")],
      nextCursor: "2",
      hasMore: false,
    });
  });

  it("rejects a bad --limit or --cursor before calling the API", async () => {
    const f = feed([]);
    expect((await runCli(["updates", "poll", "--limit", "500"], { env, fetch: f.fetch })).code).toBe(2);
    const bad = await runCli(["updates", "poll", "--cursor", "evt_1"], { env, fetch: f.fetch });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--cursor");
    expect(f.requests).toHaveLength(0);
  });

  it("--follow prints events as they arrive, pages through a backlog, and stops cleanly on Ctrl-C", async () => {
    const log = [event(1), event(2), event(3)];
    const f = feed(log, 2);
    let interrupt: () => void = () => {};
    let unregistered = false;
    let polls = 0;
    const fetchWithGrowth: typeof fetch = async (input, init) => {
      polls++;
      if (polls === 3) log.push(event(4, "message.received"));
      if (polls === 5) interrupt();
      return f.fetch(input, init);
    };
    const r = await runCli(["updates", "poll", "--follow", "--interval", "0.1", "--limit", "2"], {
      env,
      fetch: fetchWithGrowth,
      onInterrupt: (handler) => {
        interrupt = handler;
        return () => (unregistered = true);
      },
    });
    expect(r.code).toBe(0);
    expect(
      r.stdout
        .trim()
        .split("\n")
        .map((l) => l.split("  ")[0]),
    ).toEqual(["1", "2", "3", "4"]);
    expect(r.stderr).toContain("Following events from the beginning, polling every 0.1 s. Press Ctrl-C to stop.");
    expect(r.stderr).toContain("Stopped. Resume with: opentrain updates poll --follow --cursor 4");
    expect(unregistered).toBe(true);
    // Back to back while hasMore, then from the last cursor.
    expect(f.requests.slice(0, 3).map((q) => q.url.searchParams.get("cursor"))).toEqual([null, "2", "3"]);
  });

  it("--follow --json prints one event per line; network trouble is waited out, a 403 stops it", async () => {
    let interrupt: () => void = () => {};
    let calls = 0;
    const f = feed([event(7)]);
    const flaky: typeof fetch = async (input, init) => {
      calls++;
      // Three failures in a row outlast the SDK's own retries of a GET.
      if (calls >= 2 && calls <= 4)
        throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } });
      if (calls === 6) interrupt();
      return f.fetch(input, init);
    };
    const r = await runCli(["updates", "poll", "--follow", "--json", "--interval", "0.1", "--cursor", "6"], {
      env,
      fetch: flaky,
      onInterrupt: (h) => {
        interrupt = h;
        return () => {};
      },
    });
    expect(r.code).toBe(0);
    expect(
      r.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toEqual([event(7)]);
    expect(r.stderr).toMatch(/Warning: .*polling again in 0\.1 s/);

    const denied = fakeFetch(() => ({
      status: 403,
      body: { error: "Token needs at least one of: proposals:read", code: "FORBIDDEN", requestId: "r", details: {} },
    }));
    const stopped = await runCli(["updates", "poll", "--follow"], {
      env,
      fetch: denied.fetch,
      onInterrupt: () => () => {},
    });
    expect(stopped.code).toBe(4);
    expect(stopped.stderr).toContain("Error (403 FORBIDDEN)");
  });

  it("rejects a bad --interval", async () => {
    const r = await runCli(["updates", "poll", "--follow", "--interval", "0"], { env, fetch: feed([]).fetch });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--interval must be a number of seconds between 0.1 and 3600");
  });
});

const webhook = {
  id: "whk_1",
  url: "https://hooks.example.com/ot",
  eventTypes: ["proposal.received", "message.received"],
  status: "ACTIVE",
  createdAt: "2026-07-01T08:00:00.000Z",
  disabledAt: null,
  disabledReason: null,
};
const disabled = {
  ...webhook,
  id: "whk_2",
  status: "DISABLED",
  disabledAt: "2026-07-01T12:00:00.000Z",
  disabledReason: "Disabled after repeated delivery failures: ...",
};

describe("opentrain webhooks", () => {
  it("create shows the secret once, prominently, and sends the flags as the body", async () => {
    const f = fakeFetch(() => ({ status: 201, body: { webhook, secret: "whsec_abc", message: "Store it" } }));
    const r = await runCli(
      ["webhooks", "create", "https://hooks.example.com/ot", "--events", "proposal.received,message.received"],
      { env, fetch: f.fetch },
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(f.requests[0]!.body!)).toEqual({
      url: "https://hooks.example.com/ot",
      eventTypes: ["proposal.received", "message.received"],
    });
    expect(r.stdout).toContain("Created webhook whk_1.");
    expect(r.stdout).toMatch(/^Signing secret: whsec_abc$/m);
    expect(r.stdout).toContain("shown only once");
    const bad = await runCli(["webhooks", "create", "https://x.example.com", "--events", "job.created"], {
      env,
      fetch: f.fetch,
    });
    expect(bad.code).toBe(2);
  });

  it("list, get and delete", async () => {
    const f = fakeFetch((req) => {
      if (req.method === "GET" && req.url.pathname.endsWith("/webhooks")) return ok({ webhooks: [disabled, webhook] });
      if (req.method === "GET") return ok({ webhook: disabled });
      return ok({ webhook, deleted: true });
    });
    const list = await runCli(["webhooks", "list"], { env, fetch: f.fetch });
    expect(list.stdout).toMatch(/^ID\s+STATUS\s+URL\s+EVENTS\s+CREATED$/m);
    expect(list.stdout).toContain("whk_2 is DISABLED: Disabled after repeated delivery failures");
    expect(list.stdout).toContain("delete it and create a new one");
    const get = await runCli(["webhooks", "get", "whk_2"], { env, fetch: f.fetch });
    expect(get.stdout).toMatch(/^Reason:\s+Disabled after repeated/m);
    expect(get.stdout).toContain("opentrain webhooks delete whk_2");
    const del = await runCli(["webhooks", "delete", "whk_1"], { env, fetch: f.fetch });
    expect(del.stdout).toBe("Deleted webhook whk_1 (https://hooks.example.com/ot); its deliveries have stopped.\n");
    expect(f.requests.at(-1)!.method).toBe("DELETE");
  });

  it("listen refuses a missing or non-http --forward-to and unknown --events", async () => {
    const f = feed([]);
    const missing = await runCli(["webhooks", "listen"], { env, fetch: f.fetch });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--forward-to");
    expect((await runCli(["webhooks", "listen", "--forward-to", "ftp://x"], { env, fetch: f.fetch })).code).toBe(2);
    const events = await runCli(["webhooks", "listen", "--forward-to", "http://localhost:1/h", "--events", "nope"], {
      env,
      fetch: f.fetch,
    });
    expect(events.code).toBe(2);
    expect(events.stderr).toContain("unknown event type nope");
  });
});
