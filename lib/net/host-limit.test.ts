import { afterEach, describe, expect, it, vi } from "vitest";
import { HostLimiter } from "@/lib/net/host-limit";

afterEach(() => {
  vi.useRealTimers();
});

describe("HostLimiter", () => {
  it("forgets hosts whose interval has passed, however many hosts it has seen", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const limiter = new HostLimiter(2, 100, 50);
    for (let i = 0; i < 5000; i++) {
      await limiter.run(`host-${i}.example`, async () => undefined);
      // Ten hosts started per interval: at the bound, only the last interval's are still held.
      if (i % 10 === 9) vi.setSystemTime(Date.now() + 100);
      expect(limiter.trackedHosts).toBeLessThanOrEqual(51);
    }
  });

  it("still keeps a remembered host's interval after others are forgotten", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const limiter = new HostLimiter(1, 60_000, 2);
    await limiter.run("kept.example", async () => undefined);
    for (let i = 0; i < 10; i++) {
      vi.setSystemTime(Date.now() + 10);
      await limiter.run(`other-${i}.example`, async () => undefined);
    }
    // kept.example started 100 ms ago with a minute's interval: it must still be waiting.
    const started: string[] = [];
    void limiter.run("kept.example", async () => void started.push("kept"));
    await Promise.resolve();
    expect(started).toEqual([]);
  });

  it("holds nothing for a host once its work is done and its interval over", async () => {
    const limiter = new HostLimiter(2);
    await Promise.all([1, 2, 3].map(() => limiter.run("a.example", async () => undefined)));
    expect(limiter.trackedHosts).toBe(0);
  });
});
