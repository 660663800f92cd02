import { request } from "node:http";
import { gunzipSync } from "node:zlib";
import { claimedAgent, sandbox, startTestServer, type ClaimedAgent, type TestServer } from "@opentrain-ai/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiOf, createOpenJob } from "./jobs-helpers.js";

/** A sandbox server with the seeded marketplace (default seed, 240 jobs: a page is ~35 KiB). */
let t: TestServer;
let employer: ClaimedAgent;

beforeAll(async () => {
  t = await startTestServer();
  employer = await claimedAgent(t, { agent_name: "Gzip employer", organization_name: "Gzip Data Co" });
});
afterAll(() => t?.close());

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes on the wire (node:http, unlike fetch, does not decode them). */
  bytes: Buffer;
}

function rawGet(path: string, acceptEncoding?: string): Promise<Raw> {
  const headers = acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding };
  return new Promise((resolve, reject) => {
    const req = request(`${t.baseUrl}/api/public/v1${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** The JSON a client sees after decoding whatever encoding the answer declares. */
function decoded(res: Raw): Buffer {
  return res.headers["content-encoding"] === "gzip" ? gunzipSync(res.bytes) : res.bytes;
}

const json = (res: Raw) => JSON.parse(decoded(res).toString("utf8"));

/**
 * The identity and gzip answers of one cached answer. On PostgreSQL this process also hears its
 * own change notices a little after the commit, which rebuild the answer (a new generatedAt):
 * a gzip answer fetched between two identical identity answers comes from the same entry.
 */
async function bothEncodings(path: string, acceptGzip = "gzip"): Promise<{ identity: Raw; gzipped: Raw }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const identity = await rawGet(path);
    const gzipped = await rawGet(path, acceptGzip);
    if ((await rawGet(path)).bytes.equals(identity.bytes)) return { identity, gzipped };
  }
  throw new Error(`${path}: the answer kept changing`);
}

describe("gzip of the cached public listing answers", () => {
  it("sends a search page gzipped to a client that accepts gzip: the same bytes as the identity answer", async () => {
    const { identity, gzipped } = await bothEncodings("/jobs", "gzip, deflate");
    expect(identity.status).toBe(200);
    expect(gzipped.status).toBe(200);
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(identity.bytes.length).toBeGreaterThan(10_000);
    expect(gzipped.bytes.length).toBeLessThan(identity.bytes.length / 3);
    expect(gunzipSync(gzipped.bytes).equals(identity.bytes)).toBe(true);
    for (const res of [identity, gzipped]) {
      expect(res.headers.vary).toBe("accept-encoding");
      expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(Number(res.headers["content-length"])).toBe(res.bytes.length);
    }
  });

  it.each([
    ["gzip;q=0", false],
    ["GZIP", true],
    ["*", true],
    ["*, gzip;q=0", false],
    ["identity", false],
    ["br", false],
    ["deflate, gzip;q=0.5", true],
  ])("Accept-Encoding %j → gzip: %s", async (header, gzip) => {
    const res = await rawGet("/jobs?limit=30", header);
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe(gzip ? "gzip" : undefined);
    expect(res.headers.vary).toBe("accept-encoding");
    expect(json(res).jobs).toHaveLength(30);
  });

  it("sends a small answer as it is, still varying by Accept-Encoding", async () => {
    const res = await rawGet("/jobs?q=zyxwvutsnothing", "gzip");
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.headers.vary).toBe("accept-encoding");
    expect(JSON.parse(res.bytes.toString())).toMatchObject({ jobs: [], nextCursor: null });
  });

  it("keeps the answer as it was built (generatedAt included) until the listing changes; a publish or close reaches both copies", async () => {
    const warm = await bothEncodings("/jobs");
    expect(gunzipSync(warm.gzipped.bytes).equals(warm.identity.bytes)).toBe(true);
    const builtAt = json(warm.identity).generatedAt;

    // Time passing alone changes nothing in the listing: the cached body, built earlier, is served.
    expect((await sandbox(t, "POST", "/clock/advance", { duration: "1h" })).status).toBe(200);
    expect(json(await rawGet("/jobs", "gzip")).generatedAt).toBe(builtAt);
    expect(json(await rawGet("/jobs")).generatedAt).toBe(builtAt);

    const jobId = await createOpenJob(t, employer.token, { title: "Gzipquartz Photo Tagging" });
    // The gzip copy is asked for first here: the cached gzip bytes of before must not come back.
    // (An answer read while a change notice arrives is not kept and goes as it is: `decoded`.)
    const afterGzip = await rawGet("/jobs", "gzip");
    const afterIdentity = await rawGet("/jobs");
    const afterSettled = await bothEncodings("/jobs");
    expect(afterSettled.gzipped.headers["content-encoding"]).toBe("gzip");
    for (const res of [afterGzip, afterIdentity, afterSettled.gzipped, afterSettled.identity]) {
      expect(json(res).jobs[0].id).toBe(jobId);
      expect(Date.parse(json(res).generatedAt)).toBeGreaterThanOrEqual(Date.parse(builtAt) + 3_600_000);
    }

    expect((await apiOf(t)("POST", `/jobs/${jobId}/close`, employer.token, {})).status).toBe(200);
    // This time the identity answer is asked for first: neither order may serve the old answer.
    const closedIdentity = await rawGet("/jobs");
    const closedGzip = await rawGet("/jobs", "gzip");
    const settled = await bothEncodings("/jobs");
    expect(settled.gzipped.headers["content-encoding"]).toBe("gzip");
    for (const res of [closedIdentity, closedGzip, settled.gzipped]) {
      expect(json(res).jobs.map((j: { id: string }) => j.id)).not.toContain(jobId);
    }
    expect(gunzipSync(settled.gzipped.bytes).equals(settled.identity.bytes)).toBe(true);
  });

  it("facets: gzipped when accepted, the same bytes, and both copies follow a publish", async () => {
    const { identity, gzipped } = await bothEncodings("/jobs/facets", "gzip, deflate");
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(gunzipSync(gzipped.bytes).equals(identity.bytes)).toBe(true);
    for (const res of [identity, gzipped]) expect(res.headers.vary).toBe("accept-encoding");
    const before = json(identity).totalJobs;

    await createOpenJob(t, employer.token, { title: "Gzipfacet Receipt Labeling" });
    const afterGzip = await rawGet("/jobs/facets", "gzip");
    const afterIdentity = await rawGet("/jobs/facets", "gzip;q=0");
    expect(afterIdentity.headers["content-encoding"]).toBeUndefined();
    const settled = await bothEncodings("/jobs/facets");
    expect(settled.gzipped.headers["content-encoding"]).toBe("gzip");
    for (const res of [afterGzip, afterIdentity, settled.gzipped]) expect(json(res).totalJobs).toBe(before + 1);
    expect(gunzipSync(settled.gzipped.bytes).equals(settled.identity.bytes)).toBe(true);
  });

  it("a single public job (not cached) goes as it is, without Vary", async () => {
    const jobId = await createOpenJob(t, employer.token, { title: "Gzipsingle Audio Tagging" });
    const res = await rawGet(`/jobs/${jobId}`, "gzip");
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.headers.vary).toBeUndefined();
  });
});
