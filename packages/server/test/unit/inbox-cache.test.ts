import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { InboxCache } from "../../src/services/messages/inbox-cache.js";

const bytes = (s: string) => Buffer.from(s);

describe("InboxCache", () => {
  it("answers again from memory until the account changes, and only that account", async () => {
    const cache = new InboxCache();
    let computed = 0;
    const compute = (s: string) => async () => (computed++, bytes(s));
    expect((await cache.get("acc_1", "k", compute("one"))).toString()).toBe("one");
    expect((await cache.get("acc_1", "k", compute("two"))).toString()).toBe("one");
    expect((await cache.get("acc_2", "k", compute("other"))).toString()).toBe("other");
    cache.noteChange("acc_1");
    expect((await cache.get("acc_1", "k", compute("three"))).toString()).toBe("three");
    expect((await cache.get("acc_2", "k", compute("x"))).toString()).toBe("other");
    expect(computed).toBe(3);
    cache.noteChange("*"); // a trainer changed: every account's lists
    expect((await cache.get("acc_2", "k", compute("fresh"))).toString()).toBe("fresh");
  });

  it("never keeps an answer whose read a change of its account overtook", async () => {
    const cache = new InboxCache();
    const racing = await cache.get("acc_1", "k", async () => {
      cache.noteChange("acc_1"); // the write commits while the read is in flight
      return bytes("before the write");
    });
    expect(racing.toString()).toBe("before the write");
    expect((await cache.get("acc_1", "k", async () => bytes("after"))).toString()).toBe("after");
    // Another account's change does not void it.
    await cache.get("acc_2", "k", async () => {
      cache.noteChange("acc_1");
      return bytes("kept");
    });
    expect((await cache.get("acc_2", "k", async () => bytes("recomputed"))).toString()).toBe("kept");
  });

  it("serves nothing while notices may be missed", async () => {
    const cache = new InboxCache({ live: false });
    await cache.get("acc_1", "k", async () => bytes("a"));
    expect((await cache.get("acc_1", "k", async () => bytes("b"))).toString()).toBe("b");
    cache.setLive(true);
    await cache.get("acc_1", "k", async () => bytes("c"));
    expect((await cache.get("acc_1", "k", async () => bytes("d"))).toString()).toBe("c");
    cache.setLive(false);
    expect((await cache.get("acc_1", "k", async () => bytes("e"))).toString()).toBe("e");
  });
});

describe("OPENTRAIN_READ_CACHES", () => {
  it("is on by default, takes on/off, and names the fix for anything else", () => {
    expect(loadConfig({}).readCaches).toBe(true);
    expect(loadConfig({ OPENTRAIN_READ_CACHES: "off" }).readCaches).toBe(false);
    expect(loadConfig({ OPENTRAIN_READ_CACHES: "ON" }).readCaches).toBe(true);
    expect(() => loadConfig({ OPENTRAIN_READ_CACHES: "sometimes" })).toThrow(
      /OPENTRAIN_READ_CACHES must be "on" or "off"/,
    );
  });
});
