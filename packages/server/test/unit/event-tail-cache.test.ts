import { describe, expect, it } from "vitest";
import { EventTailCache } from "../../src/services/updates/event-tail-cache.js";

describe("EventTailCache", () => {
  it("raises a known end with every event, and knows nothing it was not told", () => {
    const cache = new EventTailCache();
    expect(cache.get("acc_1")).toBeUndefined();
    cache.noteEvent("acc_1", 5n);
    expect(cache.get("acc_1")).toBeUndefined();
    cache.remember("acc_1", 5n, cache.beginRead());
    cache.noteNotification("acc_1:9");
    expect(cache.get("acc_1")).toBe(9n);
    cache.noteEvent("acc_1", 7n); // notices may come out of order; the end never moves back
    expect(cache.get("acc_1")).toBe(9n);
  });

  it("never stores a read that an event of the account overtook", () => {
    const cache = new EventTailCache();
    const readAt = cache.beginRead();
    cache.noteEvent("acc_1", 12n);
    cache.remember("acc_1", 11n, readAt);
    expect(cache.get("acc_1")).toBeUndefined();
    cache.remember("acc_2", 3n, readAt); // another account's event does not void it
    expect(cache.get("acc_2")).toBe(3n);
  });

  it("serves nothing while notices may be missed, and forgets on a garbled notice", () => {
    const cache = new EventTailCache({ live: false });
    cache.remember("acc_1", 4n, cache.beginRead());
    expect(cache.get("acc_1")).toBeUndefined();
    cache.setLive(true);
    cache.remember("acc_1", 4n, cache.beginRead());
    expect(cache.get("acc_1")).toBe(4n);
    cache.noteNotification("garbled");
    expect(cache.get("acc_1")).toBeUndefined();
  });
});
