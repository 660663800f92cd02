import { claimedAgent, startTestServer, type TestServer } from "@opentrain-ai/testkit";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { webhookDeliveries, webhookSubscriptions } from "../../src/db/schema.js";
import {
  SAMPLE_DATA,
  advance,
  allScopes,
  api,
  pollAll,
  productionToken,
  settle,
  signatureValid,
  signedAt,
  startReceiver,
  writeEvent,
  type Receiver,
} from "./events-helpers.js";
import { activeTrainers } from "./messages-helpers.js";
import { broadJob, publishJob, trainerApplies } from "./proposals-helpers.js";

/**
 * Deliveries to a real HTTP receiver on 127.0.0.1. Every request is checked against the
 * documented signature scheme with an implementation written from the spec (events-helpers),
 * not the server's or the SDK's.
 */
let t: TestServer;
const receivers: Receiver[] = [];

beforeAll(async () => {
  t = await startTestServer({ env: { OPENTRAIN_SANDBOX_SEED_JOBS: "0" } });
}, 60_000);
afterAll(() => t?.close());
afterEach(async () => {
  for (const r of receivers.splice(0)) await r.close();
});

async function receiver(...args: Parameters<typeof startReceiver>) {
  const r = await startReceiver(...args);
  receivers.push(r);
  return r;
}

/** A fresh claimed account, an all-scopes token and a subscription to `url`. */
async function subscribed(url: string, eventTypes: string[]) {
  const agent = await claimedAgent(t);
  const token = await allScopes(t, agent.accountId);
  const res = await api(t, "POST", "/webhooks", token, { url, eventTypes });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { agent, token, webhook: res.body.webhook, secret: res.body.secret as string };
}

async function deliveriesOf(webhookId: string) {
  return t.server.database.db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.subscriptionId, webhookId))
    .orderBy(webhookDeliveries.eventId);
}

describe("webhook delivery", () => {
  it("POSTs each event once with the spec's headers and a valid signature; the body is the /updates record", async () => {
    const r = await receiver();
    const { agent, token, webhook, secret } = await subscribed(r.url, [
      "proposal.received",
      "message.received",
      "approval.confirmed",
    ]);
    // A real flow (a trainer applies to the account's job) and two through the event service.
    const jobId = await publishJob(t, agent.token, broadJob({ visibility: "INVITE_ONLY" }));
    const [trainer] = await activeTrainers(t);
    expect((await trainerApplies(t, trainer!.id, jobId)).status).toBe(201);
    await writeEvent(t, agent.accountId, "message.received", SAMPLE_DATA["message.received"]);
    await writeEvent(t, agent.accountId, "approval.confirmed", SAMPLE_DATA["approval.confirmed"]);
    await r.waitFor(3);
    await settle(t);

    const feed = (await pollAll(t, token)).events;
    expect(feed.map((e) => e.type)).toEqual(["proposal.received", "message.received", "approval.confirmed"]);
    expect(r.requests).toHaveLength(3);
    const deliveryIds = new Set<string>();
    for (const req of r.requests) {
      expect(req.method).toBe("POST");
      expect(req.path).toBe("/hooks/opentrain");
      expect(req.headers["content-type"]).toBe("application/json");
      expect(req.headers["user-agent"]).toBe("OpenTrain-Webhooks/1.0");
      expect(signatureValid(secret, req.headers["x-opentrain-signature"], req.rawBody)).toBe(true);
      expect(req.headers["x-opentrain-signature"]).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      const body = JSON.parse(req.rawBody.toString("utf8"));
      expect(req.headers["x-opentrain-event"]).toBe(body.type);
      // Exactly one event record, byte for byte as the feed serialises it.
      const record = feed.find((e) => e.id === body.id);
      expect(req.rawBody.toString("utf8")).toBe(JSON.stringify(record));
      deliveryIds.add(String(req.headers["x-opentrain-delivery"]));
    }
    expect(deliveryIds.size).toBe(3);
    for (const id of deliveryIds) expect(id).toMatch(/^whd_[0-9a-f]{32}$/);
    const rows = await deliveriesOf(webhook.id);
    expect(rows.map((d) => [d.status, d.attempts, d.lastStatusCode])).toEqual([
      ["SUCCEEDED", 1, 204],
      ["SUCCEEDED", 1, 204],
      ["SUCCEEDED", 1, 204],
    ]);
    // A wrong secret or a changed body fails the same check (the check can fail).
    const first = r.requests[0]!;
    expect(signatureValid(`${secret}x`, first.headers["x-opentrain-signature"], first.rawBody)).toBe(false);
    expect(signatureValid(secret, first.headers["x-opentrain-signature"], Buffer.from(`${first.rawBody} `))).toBe(
      false,
    );
  });

  it("delivers only subscribed types, only events created after the subscription", async () => {
    const agent = await claimedAgent(t);
    await writeEvent(t, agent.accountId, "proposal.received", SAMPLE_DATA["proposal.received"]); // before
    const token = await allScopes(t, agent.accountId);
    const r = await receiver();
    const res = await api(t, "POST", "/webhooks", token, { url: r.url, eventTypes: ["proposal.received"] });
    expect(res.status).toBe(201);
    await writeEvent(t, agent.accountId, "message.received", SAMPLE_DATA["message.received"]); // not subscribed
    await writeEvent(t, agent.accountId, "proposal.received", { proposalId: "prp_after", jobId: "job_x" });
    await settle(t);
    await r.waitFor(1);
    await advance(t, 1);
    expect(r.requests.map((q) => JSON.parse(q.rawBody.toString()).data.proposalId)).toEqual(["prp_after"]);
  });

  it("signs with the real time even when the sandbox clock is days ahead", async () => {
    await advance(t, 3 * 86_400);
    const r = await receiver();
    const { agent, secret } = await subscribed(r.url, ["payment.pending"]);
    await writeEvent(t, agent.accountId, "payment.pending", SAMPLE_DATA["payment.pending"]);
    await r.waitFor(1);
    const req = r.requests[0]!;
    const body = JSON.parse(req.rawBody.toString());
    expect(Date.parse(body.createdAt) - Date.now()).toBeGreaterThan(2.9 * 86_400_000);
    expect(Math.abs(signedAt(req.headers["x-opentrain-signature"]) - Date.now() / 1000)).toBeLessThan(5);
    expect(signatureValid(secret, req.headers["x-opentrain-signature"], req.rawBody)).toBe(true);
  });

  it("retries at 1, 5, 30 and 120 minutes on the sandbox clock with the same delivery id, then disables the subscription", async () => {
    const r = await receiver(() => ({ status: 503 }));
    const { agent, token, webhook, secret } = await subscribed(r.url, ["contract.created"]);
    await writeEvent(t, agent.accountId, "contract.created", SAMPLE_DATA["contract.created"]);
    await r.waitFor(1);
    await settle(t);
    let expected = 1;
    for (const minutes of [1, 5, 30, 120]) {
      await advance(t, minutes * 60 - 2);
      expect(r.requests, `before the ${minutes} min retry`).toHaveLength(expected);
      await advance(t, 2);
      // The clock helper sends due retries before it answers.
      expected += 1;
      expect(r.requests, `after the ${minutes} min retry`).toHaveLength(expected);
    }
    const ids = new Set(r.requests.map((q) => q.headers["x-opentrain-delivery"]));
    expect(ids.size).toBe(1);
    const bodies = new Set(r.requests.map((q) => q.rawBody.toString()));
    expect(bodies.size).toBe(1);
    for (const q of r.requests)
      expect(signatureValid(secret, q.headers["x-opentrain-signature"], q.rawBody)).toBe(true);

    const got = await api(t, "GET", `/webhooks/${webhook.id}`, token);
    expect(got.body.webhook.status).toBe("DISABLED");
    expect(got.body.webhook.disabledAt).toEqual(expect.any(String));
    expect(got.body.webhook.disabledReason).toMatch(/failed all 5 attempts/);
    expect(got.body.webhook.disabledReason).toMatch(/HTTP 503/);
    expect(got.body.webhook.disabledReason).toMatch(/delete this subscription and create a new one/i);
    const [row] = await deliveriesOf(webhook.id);
    expect(row).toMatchObject({ status: "FAILED", attempts: 5, lastStatusCode: 503 });

    // Disabled: no more deliveries, no more retries.
    await writeEvent(t, agent.accountId, "contract.created", {
      ...SAMPLE_DATA["contract.created"],
      contractId: "ctr_2",
    });
    await advance(t, 3 * 3600);
    expect(r.requests).toHaveLength(5);
  });

  it("a receiver that recovers gets the retry; the subscription stays active", async () => {
    const r = await receiver((_req, i) => ({ status: i === 0 ? 500 : 200 }));
    const { agent, token, webhook } = await subscribed(r.url, ["milestone.status_changed"]);
    await writeEvent(t, agent.accountId, "milestone.status_changed", SAMPLE_DATA["milestone.status_changed"]);
    await r.waitFor(1);
    await settle(t);
    await advance(t, 60);
    expect(r.requests).toHaveLength(2);
    expect(r.requests[0]!.headers["x-opentrain-delivery"]).toBe(r.requests[1]!.headers["x-opentrain-delivery"]);
    expect((await deliveriesOf(webhook.id))[0]).toMatchObject({
      status: "SUCCEEDED",
      attempts: 2,
      lastStatusCode: 200,
    });
    expect((await api(t, "GET", `/webhooks/${webhook.id}`, token)).body.webhook.status).toBe("ACTIVE");
    const [sub] = await t.server.database.db
      .select()
      .from(webhookSubscriptions)
      .where(eq(webhookSubscriptions.id, webhook.id));
    expect(sub!.consecutiveFailures).toBe(0);
  });

  it("a 4xx counts as a failure, and a redirect is not followed", async () => {
    const r = await receiver((req) =>
      req.path === "/moved" ? { status: 200 } : { status: 302, headers: { location: "/moved" } },
    );
    const { agent, webhook } = await subscribed(r.url, ["proposal.status_changed"]);
    await writeEvent(t, agent.accountId, "proposal.status_changed", SAMPLE_DATA["proposal.status_changed"]);
    await r.waitFor(1);
    await settle(t);
    r.setResponder(() => ({ status: 410 }));
    await advance(t, 60);
    expect(r.requests.map((q) => q.path)).toEqual(["/hooks/opentrain", "/hooks/opentrain"]);
    expect((await deliveriesOf(webhook.id))[0]).toMatchObject({
      status: "PENDING",
      attempts: 2,
      lastStatusCode: 410,
      lastError: "HTTP 410",
    });
  });

  it("does not disable a subscription whose receiver accepted other deliveries meanwhile", async () => {
    // Rejects one event's payload, accepts the others.
    const r = await receiver((req) => ({ status: req.rawBody.toString().includes("ctr_poison") ? 400 : 200 }));
    const { agent, token, webhook } = await subscribed(r.url, ["contract.created"]);
    await writeEvent(t, agent.accountId, "contract.created", {
      ...SAMPLE_DATA["contract.created"],
      contractId: "ctr_poison",
    });
    await r.waitFor(1);
    await settle(t);
    for (const minutes of [1, 5, 30, 120]) {
      await writeEvent(t, agent.accountId, "contract.created", {
        ...SAMPLE_DATA["contract.created"],
        contractId: `ctr_${minutes}`,
      });
      await settle(t);
      await advance(t, minutes * 60);
    }
    const rows = await deliveriesOf(webhook.id);
    expect(rows[0]).toMatchObject({ status: "FAILED", attempts: 5 });
    expect(rows.slice(1).every((d) => d.status === "SUCCEEDED")).toBe(true);
    expect((await api(t, "GET", `/webhooks/${webhook.id}`, token)).body.webhook.status).toBe("ACTIVE");
  });

  it("deleting a subscription stops its deliveries and removes their history", async () => {
    const r = await receiver(() => ({ status: 500 }));
    const { agent, token, webhook } = await subscribed(r.url, ["proposal.received"]);
    await writeEvent(t, agent.accountId, "proposal.received", SAMPLE_DATA["proposal.received"]);
    await r.waitFor(1);
    await settle(t);
    expect((await api(t, "DELETE", `/webhooks/${webhook.id}`, token)).status).toBe(200);
    expect(await deliveriesOf(webhook.id)).toEqual([]);
    await writeEvent(t, agent.accountId, "proposal.received", SAMPLE_DATA["proposal.received"]);
    await advance(t, 3600);
    expect(r.requests).toHaveLength(1);
  });

  it("fans out to every subscription of the account that takes the type", async () => {
    const a = await receiver();
    const b = await receiver();
    const { agent, token, secret } = await subscribed(a.url, ["message.received"]);
    const second = await api(t, "POST", "/webhooks", token, { url: b.url, eventTypes: ["message.received"] });
    await writeEvent(t, agent.accountId, "message.received", SAMPLE_DATA["message.received"]);
    await a.waitFor(1);
    await b.waitFor(1);
    expect(signatureValid(secret, a.requests[0]!.headers["x-opentrain-signature"], a.requests[0]!.rawBody)).toBe(true);
    expect(
      signatureValid(second.body.secret, b.requests[0]!.headers["x-opentrain-signature"], b.requests[0]!.rawBody),
    ).toBe(true);
    expect(a.requests[0]!.headers["x-opentrain-delivery"]).not.toBe(b.requests[0]!.headers["x-opentrain-delivery"]);
  });
});

describe("webhook delivery in production mode", () => {
  it("refuses a target that resolves to a loopback address (checked after DNS resolution)", async () => {
    const prod = await startTestServer({ mode: "production" });
    const r = await receiver();
    try {
      const { token, accountId } = await productionToken(prod);
      // "localhost" is a name, so create accepts it; the address it resolves to is refused at delivery.
      const made = await api(prod, "POST", "/webhooks", token, {
        url: `https://localhost:${r.port}/hooks/opentrain`,
        eventTypes: ["proposal.received"],
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      await writeEvent(prod, accountId, "proposal.received", SAMPLE_DATA["proposal.received"]);
      await prod.server.webhooks.kick();
      const [row] = await prod.server.database.db
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.subscriptionId, made.body.webhook.id));
      expect(row).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: null });
      expect(row!.lastError).toMatch(
        /^Refused to deliver to localhost: it resolves to the non-public address (127\.0\.0\.1|::1)$/,
      );
      expect(r.requests).toHaveLength(0);
    } finally {
      await prod.close();
    }
  });
});
