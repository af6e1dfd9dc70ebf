/**
 * Per-host concurrency limit and rate limit: many vendors share one upstream (statuspage.io, a
 * fixture server), and hammering it gets us rate-limited. A tiny FIFO semaphore per host key,
 * plus a least interval between two request starts to the same host.
 */
export class HostLimiter {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, Array<() => void>>();
  private readonly nextStart = new Map<string, number>();

  constructor(
    private readonly limit: number,
    private readonly minIntervalMs = 0,
    // Past start times are dropped once this many hosts are remembered; see forgetPastStarts.
    private readonly maxRememberedHosts = 1024,
  ) {}

  /** Hosts with any state kept: running, queued, or a start time to keep apart from. */
  get trackedHosts(): number {
    return new Set([...this.active.keys(), ...this.waiting.keys(), ...this.nextStart.keys()]).size;
  }

  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    await this.acquire(host);
    if (this.minIntervalMs > 0) {
      // Measured from the start that actually happened, not the one planned: a timer that fires
      // late must not shorten the gap to the next start.
      for (let wait = this.waitFor(host); wait > 0; wait = this.waitFor(host)) {
        await new Promise((r) => setTimeout(r, wait));
      }
      this.nextStart.set(host, Date.now() + this.minIntervalMs);
      if (this.nextStart.size > this.maxRememberedHosts) this.forgetPastStarts();
    }
    try {
      return await task();
    } finally {
      this.release(host);
    }
  }

  /**
   * A start time already past constrains nothing, so forgetting it changes no decision; what is
   * left are the hosts started within the last interval.
   */
  private forgetPastStarts(): void {
    const now = Date.now();
    for (const [host, at] of this.nextStart) if (at <= now) this.nextStart.delete(host);
  }

  private waitFor(host: string): number {
    return (this.nextStart.get(host) ?? 0) - Date.now();
  }

  private acquire(host: string): Promise<void> {
    const n = this.active.get(host) ?? 0;
    if (n < this.limit) {
      this.active.set(host, n + 1);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const queue = this.waiting.get(host) ?? [];
      queue.push(resolve);
      this.waiting.set(host, queue);
    });
  }

  private release(host: string): void {
    const queue = this.waiting.get(host);
    const next = queue?.shift();
    if (next) {
      // Hand the slot straight to the next waiter; the active count is unchanged.
      if (queue && queue.length === 0) this.waiting.delete(host);
      next();
      return;
    }
    const n = (this.active.get(host) ?? 1) - 1;
    if (n <= 0) this.active.delete(host);
    else this.active.set(host, n);
  }
}
