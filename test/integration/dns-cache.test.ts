import { describe, expect, it } from "vitest";
import { cachedLookup, clearDnsCache } from "@/lib/net/dns-cache";

describe("DNS cache", () => {
  it("shares one lookup per host between callers, and remembers failures briefly", async () => {
    clearDnsCache();
    const a = cachedLookup("localhost");
    expect(cachedLookup("localhost")).toBe(a);
    expect((await a).some((r) => r.address === "127.0.0.1" || r.address === "::1")).toBe(true);
    const missing = cachedLookup("no-such-host.invalid");
    await expect(missing).rejects.toThrow();
    expect(cachedLookup("no-such-host.invalid")).toBe(missing);
    // Expired entries are looked up again.
    expect(cachedLookup("localhost", Date.now() + 120_000)).not.toBe(a);
  });
});
