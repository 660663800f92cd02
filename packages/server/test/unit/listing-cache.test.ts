import { describe, expect, it } from "vitest";
import { ListingCache } from "../../src/services/jobs/listing-cache.js";

const body = (s: string) => Buffer.from(s);

describe("ListingCache", () => {
  it("serves a stored answer until the listing changes", async () => {
    const cache = new ListingCache();
    let computed = 0;
    const compute = async () => body(`answer ${++computed}`);
    expect((await cache.get("k", compute)).toString()).toBe("answer 1");
    expect((await cache.get("k", compute)).toString()).toBe("answer 1");
    cache.invalidate();
    expect((await cache.get("k", compute)).toString()).toBe("answer 2");
  });

  it("never stores an answer whose read started before a change", async () => {
    const cache = new ListingCache();
    let release!: () => void;
    const slow = cache.get("k", () => new Promise<Buffer>((r) => (release = () => r(body("stale")))));
    cache.invalidate();
    release();
    expect((await slow).toString()).toBe("stale");
    expect((await cache.get("k", async () => body("fresh"))).toString()).toBe("fresh");
  });

  it("serves nothing while change notices may be missed", async () => {
    const cache = new ListingCache({ live: false });
    let computed = 0;
    const compute = async () => body(`answer ${++computed}`);
    await cache.get("k", compute);
    expect((await cache.get("k", compute)).toString()).toBe("answer 2");
    cache.setLive(true);
    await cache.get("k", compute);
    expect((await cache.get("k", compute)).toString()).toBe("answer 3");
    cache.setLive(false);
    expect((await cache.get("k", compute)).toString()).toBe("answer 4");
  });
});
