import { webhookSchema } from "@opentrain-ai/contract";
import { claimedAgent, mintToken, startTestServer, type ClaimedAgent, type TestServer } from "@opentrain-ai/testkit";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookSubscriptions } from "../../src/db/schema.js";
import { openSecret } from "../../src/services/secrets/secret-box.js";
import { allScopes, api, productionToken } from "./events-helpers.js";

let t: TestServer;
let owner: ClaimedAgent;
let token: string;

beforeAll(async () => {
  t = await startTestServer();
  owner = await claimedAgent(t);
  token = await allScopes(t, owner.accountId);
}, 60_000);
afterAll(() => t?.close());

const create = (tok: string, body: unknown) => api(t, "POST", "/webhooks", tok, body);

/** A fresh account's all-scopes token (the 10-subscription cap is per account). */
async function freshToken(): Promise<string> {
  return allScopes(t, (await claimedAgent(t)).accountId);
}

describe("POST /webhooks", () => {
  it("answers 201 with the subscription, the whsec_ secret once, and a reminder to store it", async () => {
    const res = await create(token, {
      url: "https://receiver.example.com/hooks/opentrain",
      eventTypes: ["message.received", "proposal.received", "message.received"],
    });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(["message", "secret", "webhook"]);
    expect(res.body.secret).toMatch(/^whsec_[A-Za-z0-9]{40}$/);
    expect(res.body.message).toMatch(/only once/);
    expect(webhookSchema.parse(res.body.webhook)).toEqual(res.body.webhook);
    expect(res.body.webhook).toMatchObject({
      id: expect.stringMatching(/^whk_/),
      url: "https://receiver.example.com/hooks/opentrain",
      // De-duplicated, in catalogue order.
      eventTypes: ["proposal.received", "message.received"],
      status: "ACTIVE",
      disabledAt: null,
      disabledReason: null,
    });

    // Never again: not in GET, list, or delete answers.
    const id = res.body.webhook.id;
    const reads = [await api(t, "GET", `/webhooks/${id}`, token), await api(t, "GET", "/webhooks", token)];
    for (const r of reads) {
      expect(r.status).toBe(200);
      expect(JSON.stringify(r.body)).not.toContain(res.body.secret);
      expect(JSON.stringify(r.body)).not.toMatch(/whsec_|secret/i);
    }
    expect(reads[0]!.body).toEqual({ webhook: res.body.webhook });
  });

  it("keeps the signing secret encrypted at rest (AES-256-GCM, bound to the subscription)", async () => {
    const res = await create(token, { url: "https://a.example.com/h", eventTypes: ["proposal.received"] });
    const [row] = await t.server.database.db
      .select()
      .from(webhookSubscriptions)
      .where(eq(webhookSubscriptions.id, res.body.webhook.id));
    expect(row!.secretCiphertext).not.toContain(res.body.secret);
    expect(row!.secretCiphertext).not.toContain(res.body.secret.slice(6));
    expect(row!.secretCiphertext).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(openSecret(t.server.config, row!.secretCiphertext, row!.id)).toBe(res.body.secret);
    // Bound to its row: the same ciphertext does not open as another subscription's.
    expect(() => openSecret(t.server.config, row!.secretCiphertext, "whk_other")).toThrow();
    expect(() => openSecret({ secretKey: Buffer.alloc(32, 1) }, row!.secretCiphertext, row!.id)).toThrow();
  });

  it.each([
    ["plain http to a remote host", "http://receiver.example.com/hook", "https_required"],
    ["another scheme", "ftp://receiver.example.com/hook", null],
    ["a relative URL", "/hooks/opentrain", null],
    ["not a URL", "receiver", null],
    ["a URL over 2048 characters", `https://receiver.example.com/${"a".repeat(2030)}`, null],
  ])("refuses %s with 400 naming the url", async (_name, url, _reason) => {
    const res = await create(token, { url, eventTypes: ["proposal.received"] });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("BAD_REQUEST");
    expect(res.body.details.field).toBe("url");
    expect(res.body.error).toMatch(/url/i);
  });

  it("accepts plain http to a loopback host in sandbox mode", async () => {
    const tok = await freshToken();
    for (const url of ["http://localhost:3000/hook", "http://127.0.0.1:3000/hook", "http://[::1]:3000/hook"]) {
      const res = await create(tok, { url, eventTypes: ["proposal.received"] });
      expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBe(201);
    }
  });

  it.each([
    ["no event types", { url: "https://r.example.com", eventTypes: [] }, "eventTypes"],
    ["an unknown event type", { url: "https://r.example.com", eventTypes: ["job.published"] }, "eventTypes.0"],
    ["no url", { eventTypes: ["proposal.received"] }, "url"],
    ["no eventTypes", { url: "https://r.example.com" }, "eventTypes"],
  ])("refuses %s with 400", async (_name, body, field) => {
    const res = await create(token, body);
    expect(res.status).toBe(400);
    expect(res.body.details.field).toBe(field);
  });

  it("needs the read scope of every requested type on the calling token (403 naming what is missing)", async () => {
    const narrow = await mintToken(t, owner.accountId, ["webhooks:manage", "proposals:read"]);
    const res = await create(narrow, {
      url: "https://r.example.com/h",
      eventTypes: ["proposal.received", "message.received", "payment.pending"],
    });
    expect(res.status).toBe(403);
    expect(res.body.details).toEqual({
      reason: "insufficient_scope",
      requiredScopes: ["messages:read", "payments:read"],
      grantedScopes: ["proposals:read", "webhooks:manage"],
      eventTypes: ["message.received", "payment.pending"],
    });
    expect(res.body.error).toContain("message.received");
    // A write scope covers its read scope.
    const writer = await mintToken(t, owner.accountId, ["webhooks:manage", "messages:write"]);
    expect((await create(writer, { url: "https://r.example.com/h", eventTypes: ["message.received"] })).status).toBe(
      201,
    );
  });

  it("allows at most 10 subscriptions per account (409), counting disabled ones; deleting frees a slot", async () => {
    const tok = await freshToken();
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await create(tok, { url: `https://r.example.com/${i}`, eventTypes: ["proposal.received"] });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      ids.push(res.body.webhook.id);
    }
    const over = await create(tok, { url: "https://r.example.com/11", eventTypes: ["proposal.received"] });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: "CONFLICT", details: { reason: "webhook_limit_reached", limit: 10 } });
    expect(over.body.error).toContain("Delete one");

    await t.server.database.db
      .update(webhookSubscriptions)
      .set({ status: "DISABLED", disabledAt: new Date(), disabledReason: "test" })
      .where(eq(webhookSubscriptions.id, ids[0]!));
    expect((await create(tok, { url: "https://r.example.com/11", eventTypes: ["proposal.received"] })).status).toBe(
      409,
    );
    expect((await api(t, "DELETE", `/webhooks/${ids[0]}`, tok)).status).toBe(200);
    expect((await create(tok, { url: "https://r.example.com/11", eventTypes: ["proposal.received"] })).status).toBe(
      201,
    );
  });

  it("concurrent creates cannot pass the cap", async () => {
    const tok = await freshToken();
    const results = await Promise.all(
      Array.from({ length: 14 }, (_, i) =>
        create(tok, { url: `https://r.example.com/${i}`, eventTypes: ["proposal.received"] }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(10);
    expect(results.filter((r) => r.status === 409)).toHaveLength(4);
  });
});

describe("GET /webhooks, GET and DELETE /webhooks/{webhookId}", () => {
  it("lists the account's subscriptions newest first, and only its own", async () => {
    const tok = await freshToken();
    const a = await create(tok, { url: "https://r.example.com/a", eventTypes: ["proposal.received"] });
    const b = await create(tok, { url: "https://r.example.com/b", eventTypes: ["message.received"] });
    const list = await api(t, "GET", "/webhooks", tok);
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ webhooks: [b.body.webhook, a.body.webhook] });
    const foreign = await api(t, "GET", `/webhooks/${a.body.webhook.id}`, token);
    expect(foreign.status).toBe(404);
    expect(foreign.body.details).toEqual({ resource: "webhooks", webhookId: a.body.webhook.id });
  });

  it("deletes: answers the subscription as it was with deleted: true, then 404", async () => {
    const tok = await freshToken();
    const made = await create(tok, { url: "https://r.example.com/d", eventTypes: ["approval.confirmed"] });
    const del = await api(t, "DELETE", `/webhooks/${made.body.webhook.id}`, tok);
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ webhook: made.body.webhook, deleted: true });
    const again = await api(t, "DELETE", `/webhooks/${made.body.webhook.id}`, tok);
    expect(again.status).toBe(404);
    expect(again.body.details).toEqual({ resource: "webhooks", webhookId: made.body.webhook.id });
    expect((await api(t, "GET", "/webhooks", tok)).body).toEqual({ webhooks: [] });
  });

  it("an unknown id is 404 with the resource named", async () => {
    const res = await api(t, "GET", "/webhooks/whk_doesNotExist0000000", token);
    expect(res.status).toBe(404);
    expect(res.body.details).toEqual({ resource: "webhooks", webhookId: "whk_doesNotExist0000000" });
  });
});

describe("webhooks in production mode", () => {
  let prod: TestServer;
  let prodToken: string;
  beforeAll(async () => {
    prod = await startTestServer({ mode: "production" });
    prodToken = (await productionToken(prod)).token;
  }, 60_000);
  afterAll(() => prod?.close());

  it.each([
    ["plain http, even to localhost", "http://localhost:3000/hook", "https_required"],
    ["a loopback address", "https://127.0.0.1/hook", "private_address"],
    ["an IPv6 loopback address", "https://[::1]/hook", "private_address"],
    ["a private address", "https://10.1.2.3/hook", "private_address"],
    ["a link-local address (cloud metadata)", "https://169.254.169.254/latest", "private_address"],
    ["an IPv4-mapped private address", "https://[::ffff:192.168.0.1]/hook", "private_address"],
  ])("refuses %s", async (_name, url, reason) => {
    const res = await http(prod, "POST", "/webhooks", prodToken, { url, eventTypes: ["proposal.received"] });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.details).toMatchObject({ field: "url", reason });
  });

  it("accepts a public https URL", async () => {
    const res = await http(prod, "POST", "/webhooks", prodToken, {
      url: "https://hooks.example.com/opentrain",
      eventTypes: ["proposal.received"],
    });
    expect(res.status).toBe(201);
  });
});

const http = (s: TestServer, method: string, path: string, tok: string, json?: unknown) =>
  api(s, method, path, tok, json);
