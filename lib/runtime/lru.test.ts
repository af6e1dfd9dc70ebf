import { describe, expect, it } from "vitest";
import { Lru } from "@/lib/runtime/lru";

describe("Lru", () => {
  it("holds at most max entries however many keys it is given", () => {
    const lru = new Lru<string, number>(100);
    for (let i = 0; i < 10_000; i++) lru.set(`key-${i}`, i);
    expect(lru.size).toBe(100);
    expect(lru.get("key-9999")).toBe(9999);
    expect(lru.get("key-9899")).toBeUndefined();
    expect(lru.get("key-9900")).toBe(9900);
  });

  it("evicts the least recently used entry, not the oldest written", () => {
    const lru = new Lru<string, number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    expect(lru.get("a")).toBe(1);
    lru.set("c", 3);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe(1);
    expect(lru.get("c")).toBe(3);
    // Rewriting a key does not count twice.
    lru.set("c", 4);
    expect(lru.size).toBe(2);
  });

  it("forgets entries after their time to live", () => {
    const lru = new Lru<string, string>(10, 1000);
    lru.set("a", "x", 0);
    expect(lru.get("a", 999)).toBe("x");
    expect(lru.get("a", 1000)).toBeUndefined();
    expect(lru.size).toBe(0);
  });
});
