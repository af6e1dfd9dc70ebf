import { lookup } from "node:dns/promises";

export interface Answer {
  address: string;
  family: 4 | 6;
}

/**
 * getaddrinfo runs on libuv's small thread pool (4 threads), so thousands of polls each resolving
 * their host would queue behind one another, and a slow or failing resolver stalls them all. One
 * lookup per host per minute, shared by concurrent callers, with failures remembered briefly too.
 */
const POSITIVE_MS = 60_000;
const NEGATIVE_MS = 30_000;
export const DNS_CACHE_MAX_ENTRIES = 10_000;

type Entry = { expires: number; answer: Promise<Answer[]> };
const cache = new Map<string, Entry>();

export function cachedLookup(hostname: string, now = Date.now()): Promise<Answer[]> {
  const hit = cache.get(hostname);
  if (hit && hit.expires > now) return hit.answer;
  const answer = lookup(hostname, { all: true, verbatim: true }).then((rows) =>
    rows.map((r): Answer => ({ address: r.address, family: r.family === 6 ? 6 : 4 })),
  );
  const entry: Entry = { expires: now + POSITIVE_MS, answer };
  answer.catch(() => {
    entry.expires = Date.now() + NEGATIVE_MS;
  });
  if (cache.size >= DNS_CACHE_MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(hostname, entry);
  return answer;
}

export const dnsCacheSize = (): number => cache.size;

export function clearDnsCache(): void {
  cache.clear();
}
