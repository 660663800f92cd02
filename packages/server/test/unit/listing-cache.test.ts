import { randomBytes } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ListingCache } from "../../src/services/jobs/listing-cache.js";

const body = (s: string) => Buffer.from(s);

describe("ListingCache", () => {
  it("serves a stored answer until the listing changes", async () => {
    const cache = new ListingCache();
    let computed = 0;
    const compute = async () => body(`answer ${++computed}`);
    expect((await cache.get("k", compute)).identity.toString()).toBe("answer 1");
    expect((await cache.get("k", compute)).identity.toString()).toBe("answer 1");
    cache.invalidate();
    expect((await cache.get("k", compute)).identity.toString()).toBe("answer 2");
  });

  it("never stores an answer whose read started before a change", async () => {
    const cache = new ListingCache();
    let release!: () => void;
    const slow = cache.get("k", () => new Promise<Buffer>((r) => (release = () => r(body("stale")))));
    cache.invalidate();
    release();
    expect((await slow).identity.toString()).toBe("stale");
    expect((await cache.get("k", async () => body("fresh"))).identity.toString()).toBe("fresh");
  });

  it("serves nothing while change notices may be missed", async () => {
    const cache = new ListingCache({ live: false });
    let computed = 0;
    const compute = async () => body(`answer ${++computed}`);
    await cache.get("k", compute);
    expect((await cache.get("k", compute)).identity.toString()).toBe("answer 2");
    cache.setLive(true);
    await cache.get("k", compute);
    expect((await cache.get("k", compute)).identity.toString()).toBe("answer 3");
    cache.setLive(false);
    expect((await cache.get("k", compute)).identity.toString()).toBe("answer 4");
  });

  it("makes one gzip copy per stored answer, shared by concurrent requests", async () => {
    const cache = new ListingCache();
    const json = JSON.stringify({
      jobs: Array.from({ length: 50 }, (_, i) => ({ id: `job_${i}`, title: "Tag photos" })),
    });
    const answer = await cache.get("k", async () => body(json));
    const [a, b] = await Promise.all([answer.gzip(), answer.gzip()]);
    expect(a).toBe(b);
    expect(gunzipSync(a!).toString()).toBe(json);
    expect(answer.size).toBe(json.length + a!.length);
    expect(await (await cache.get("k", async () => body("recomputed"))).gzip()).toBe(a);
  });

  it("sends small answers and answers it does not keep as they are", async () => {
    const cache = new ListingCache({ live: false });
    const big = JSON.stringify({ text: "x".repeat(5000) });
    expect(await (await cache.get("k", async () => body(big))).gzip()).toBeNull();
    cache.setLive(true);
    expect(await (await cache.get("small", async () => body('{"jobs":[]}'))).gzip()).toBeNull();
    expect(await (await cache.get("big", async () => body(big))).gzip()).not.toBeNull();
  });

  it("counts a gzip copy against its byte bound", async () => {
    // Hex text: gzip keeps about half of it, so a copy does not fit next to two answers.
    const hex = () => body(randomBytes(5000).toString("hex"));
    const cache = new ListingCache({ maxBytes: 2 * (10_000 + 64) + 100 });
    let computed = 0;
    const compute = () => {
      computed += 1;
      return Promise.resolve(hex());
    };
    const a = await cache.get("a", compute);
    await cache.get("b", compute);
    await cache.get("a", compute);
    await cache.get("b", compute);
    expect(computed).toBe(2);
    expect((await a.gzip())!.length).toBeGreaterThan(100);
    await cache.get("a", compute);
    expect(computed).toBe(2);
    await cache.get("b", compute);
    expect(computed).toBe(3);
  });
});
