import { describe, expect, it } from "vitest";
import { DNS_CACHE_MAX_ENTRIES, cachedLookup, clearDnsCache, dnsCacheSize } from "@/lib/net/dns-cache";

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

  it("keeps at most its bound of hosts, dropping the oldest", async () => {
    clearDnsCache();
    // Address literals: getaddrinfo answers them without a resolver.
    const host = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    const total = DNS_CACHE_MAX_ENTRIES + 500;
    const answers = [];
    for (let i = 0; i < total; i++) answers.push(cachedLookup(host(i)));
    await Promise.all(answers);
    expect(dnsCacheSize()).toBe(DNS_CACHE_MAX_ENTRIES);
    expect(cachedLookup(host(total - 1))).toBe(answers[total - 1]);
    expect(cachedLookup(host(0))).not.toBe(answers[0]);
    clearDnsCache();
  });
});
