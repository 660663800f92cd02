import { CLAIM_GRANT_TYPE, OPERATIONS, SCOPES } from "@opentrain-ai/contract";
import { Validator } from "@seriousme/openapi-schema-validator";
import { http, startTestServer, type TestServer } from "@opentrain-ai/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

describe("discovery documents", () => {
  it("serves RFC 9728 protected-resource metadata", async () => {
    const res = await http(t.baseUrl, "GET", "/.well-known/oauth-protected-resource");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      resource: `${t.baseUrl}/api/public/v1`,
      authorization_servers: [t.baseUrl],
      scopes_supported: [...SCOPES],
      bearer_methods_supported: ["header"],
      resource_documentation: `${t.baseUrl}/auth.md`,
    });
  });

  it("serves RFC 8414 metadata with the agent_auth block", async () => {
    const res = await http(t.baseUrl, "GET", "/.well-known/oauth-authorization-server");
    expect(res.body).toMatchObject({
      issuer: t.baseUrl,
      token_endpoint: `${t.baseUrl}/api/agent/oauth/token`,
      revocation_endpoint: `${t.baseUrl}/api/agent/oauth/revoke`,
      grant_types_supported: [CLAIM_GRANT_TYPE],
      agent_auth: {
        identity_endpoint: `${t.baseUrl}/api/agent/identity`,
        claim_endpoint: `${t.baseUrl}/api/agent/identity/claim`,
        grant_type: CLAIM_GRANT_TYPE,
        interval: 0,
        identity_types_supported: ["anonymous"],
      },
    });
  });

  it("serves auth.md and llms.txt with this server's URLs", async () => {
    const auth = await fetch(`${t.baseUrl}/auth.md`);
    expect(auth.headers.get("content-type")).toContain("text/markdown");
    const md = await auth.text();
    expect(md).toContain("## 1. Register (anonymous)");
    expect(md).toContain(`${t.baseUrl}/api/agent/identity`);
    const llms = await (await fetch(`${t.baseUrl}/llms.txt`)).text();
    expect(llms).toContain("Agent quickstart (5 calls)");
    expect(llms).toContain(`${t.baseUrl}/auth.md`);
  });

  it("serves a valid OpenAPI 3.1 document generated from the registry", async () => {
    const res = await http(t.baseUrl, "GET", "/api/public/v1/openapi.json");
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toBe("3.1.0");
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const ids = Object.values(doc.paths as Record<string, Record<string, { operationId: string }>>).flatMap((p) =>
      Object.values(p).map((o) => o.operationId),
    );
    const expected = OPERATIONS.filter((o) => o.api !== "sandbox").map((o) => o.id);
    expect(ids.sort()).toEqual(expected.sort());
    const token = doc.paths["/api/agent/oauth/token"].post;
    expect(Object.keys(token.requestBody.content)).toEqual(["application/x-www-form-urlencoded"]);
    const revoke = doc.paths["/api/public/v1/tokens/{tokenId}"].delete;
    expect(revoke.parameters[0]).toMatchObject({ name: "tokenId", in: "path", required: true });
  });
});

describe("HTTP behaviour", () => {
  it("puts a request id on every response and honours a safe incoming one", async () => {
    const res = await fetch(`${t.baseUrl}/api/public/v1/auth/me`);
    const body = await res.json();
    expect(res.headers.get("x-request-id")).toBe(body.requestId);
    const traced = await fetch(`${t.baseUrl}/api/public/v1/auth/me`, { headers: { "x-request-id": "trace-123" } });
    expect(traced.headers.get("x-request-id")).toBe("trace-123");
    const unsafe = await fetch(`${t.baseUrl}/api/public/v1/auth/me`, { headers: { "x-request-id": "<script>" } });
    expect(unsafe.headers.get("x-request-id")).toMatch(/^req_/);
  });

  it("answers unknown API paths with the envelope, and unknown agent paths with the OAuth shape", async () => {
    const res = await http(t.baseUrl, "GET", "/api/public/v1/nope");
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: "NOT_FOUND", requestId: expect.any(String) });
    const agent = await http(t.baseUrl, "GET", "/api/agent/nope");
    expect(agent.status).toBe(404);
    expect(agent.body).toMatchObject({ error: "invalid_request" });
  });

  it("rejects JSON bodies that are not objects with 400, and oversized bodies with 413", async () => {
    const reg = await http(t.baseUrl, "POST", "/api/agent/identity", { json: {} });
    const token = reg.body.access_token;
    const array = await http(t.baseUrl, "POST", "/api/public/v1/tokens", { token, json: [1, 2] });
    expect(array.status).toBe(400);
    expect(array.body.error).toContain("JSON object");
    const huge = await http(t.baseUrl, "POST", "/api/public/v1/tokens", {
      token,
      json: { name: "x".repeat(2_000_000) },
    });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ code: "BAD_REQUEST", details: { reason: "body_too_large" } });
  });

  it("rate limits the Public API per IP with 429, Retry-After and the documented body", async () => {
    const limited = await startTestServer({ env: { OPENTRAIN_API_RATE_LIMIT_PER_MINUTE: "3" } });
    try {
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await http(limited.baseUrl, "GET", "/api/public/v1/auth/me"));
      expect(results.slice(0, 3).map((r) => r.status)).toEqual([401, 401, 401]);
      const last = results[3]!;
      expect(last.status).toBe(429);
      expect(last.body).toMatchObject({
        code: "RATE_LIMITED",
        details: { limit: 3, windowSeconds: 60, retryAfterSeconds: expect.any(Number) },
      });
      expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });

  it("hides the sandbox helpers in production mode", async () => {
    const prod = await startTestServer({ mode: "production" });
    try {
      const res = await http(prod.baseUrl, "GET", "/api/sandbox/v1/clock", { token: prod.sandboxSecret });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe("NOT_FOUND");
      // The agent flow still works.
      expect((await http(prod.baseUrl, "POST", "/api/agent/identity", { json: {} })).status).toBe(200);
    } finally {
      await prod.close();
    }
  });

  it("answers health and readiness", async () => {
    expect((await http(t.baseUrl, "GET", "/healthz")).body).toEqual({ ok: true });
    expect((await http(t.baseUrl, "GET", "/readyz")).body).toEqual({ ready: true });
  });
});
