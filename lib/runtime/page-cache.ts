import http from "node:http";
import { gzipSync } from "node:zlib";

/**
 * A micro-cache in front of Next for public vendor pages, as a reverse proxy would keep: a hit is
 * answered from memory without entering Next's render path, so a vendor page is nearly as cheap
 * as a static file. Entries live `ttlMs` at most and are purged when a poll changes the vendor
 * (the revalidate route calls purgeVendorPages), so they are never staler than Next's own cache.
 */
interface Entry {
  status: number;
  headers: Record<string, string>;
  identity: Buffer;
  gzip: Buffer;
  expires: number;
}

const CACHEABLE = /^\/vendors\/[a-z0-9-]+\/?$/;
const DRAFT_MODE = /(^|;\s*)__prerender_bypass=/;
const KEEP_HEADERS = ["content-type", "cache-control", "vary", "link", "x-nextjs-stale-time", "x-nextjs-prerender"];

const size = (entry: Entry) => entry.identity.length + entry.gzip.length;

/**
 * Bounded twice: by entries, and by bytes, since one large vendor's page is megabytes and a
 * count alone would let a few thousand of them take gigabytes.
 */
export class PageCache {
  private entries = new Map<string, Entry>();
  private pending = new Map<string, Promise<Entry | null>>();
  private bytes = 0;

  constructor(
    private readonly origin: () => string,
    private readonly ttlMs = 30_000,
    private readonly maxEntries = 5000,
    private readonly maxBytes = 256 * 1024 * 1024,
  ) {}

  stats() {
    return {
      entries: this.entries.size,
      bytes: this.bytes,
      pending: this.pending.size,
      maxEntries: this.maxEntries,
      maxBytes: this.maxBytes,
    };
  }

  /**
   * Only plain document requests for vendor pages: no query, no RSC navigation. Cookies do not
   * matter: a vendor page is the same HTML for everyone (what differs per visitor, the follow
   * button and the account links, are islands that ask /api/account), so signed-in visitors get
   * the cached page too. Next's draft mode is the one cookie that changes a page.
   */
  static cacheable(req: http.IncomingMessage): boolean {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const url = req.url ?? "";
    if (!CACHEABLE.test(url)) return false;
    const h = req.headers;
    return (
      !h.rsc &&
      !h["next-router-prefetch"] &&
      !h["next-router-state-tree"] &&
      !h["x-vendorwatch-bypass"] &&
      !DRAFT_MODE.test(String(h.cookie ?? ""))
    );
  }

  purge(slugs: string[]): void {
    for (const slug of slugs) {
      this.drop(`/vendors/${slug}`);
      this.drop(`/vendors/${slug}/`);
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= size(entry);
  }

  /** Oldest first, as Map keeps insertion order; a page larger than the whole budget is not kept. */
  private store(key: string, entry: Entry): void {
    this.drop(key);
    if (size(entry) > this.maxBytes) return;
    while (this.entries.size >= this.maxEntries || this.bytes + size(entry) > this.maxBytes)
      this.drop(this.entries.keys().next().value as string);
    this.entries.set(key, entry);
    this.bytes += size(entry);
  }

  /** Answers from the cache; false when the caller should let Next handle the request. */
  async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
    const key = req.url ?? "";
    let entry = this.entries.get(key);
    const hit = Boolean(entry && entry.expires >= Date.now());
    if (!entry || entry.expires < Date.now()) {
      let fill = this.pending.get(key);
      if (!fill) {
        fill = this.fetch(key).finally(() => this.pending.delete(key));
        this.pending.set(key, fill);
      }
      entry = (await fill) ?? undefined;
      if (!entry) return false;
    }
    const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    const body = gzip ? entry.gzip : entry.identity;
    res.writeHead(entry.status, {
      ...entry.headers,
      "content-length": body.length,
      ...(gzip ? { "content-encoding": "gzip" } : {}),
      // MISS: this request filled the entry (or waited for the fill), after an expiry or a purge.
      "x-vendorwatch-cache": hit ? "HIT" : "MISS",
    });
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  }

  /** One loopback request to Next per page and expiry, shared by everyone waiting for it. */
  private fetch(path: string): Promise<Entry | null> {
    return new Promise((resolve) => {
      const req = http.get(
        `${this.origin()}${path}`,
        { headers: { "accept-encoding": "identity", "x-vendorwatch-bypass": "1" } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            if (res.statusCode !== 200) return resolve(null);
            const identity = Buffer.concat(chunks);
            const headers: Record<string, string> = {};
            for (const name of KEEP_HEADERS) {
              const v = res.headers[name];
              if (typeof v === "string") headers[name] = v;
            }
            const entry = {
              status: 200,
              headers,
              identity,
              gzip: gzipSync(identity),
              expires: Date.now() + this.ttlMs,
            };
            this.store(path, entry);
            resolve(entry);
          });
          res.on("error", () => resolve(null));
        },
      );
      req.on("error", () => resolve(null));
      req.setTimeout(30_000, () => req.destroy());
    });
  }
}

const registry = globalThis as { vendorwatchPageCache?: PageCache };

export function registerPageCache(cache: PageCache): void {
  registry.vendorwatchPageCache = cache;
}

/** Called where vendor tags are revalidated (the same process as the server). */
export function purgeVendorPages(slugs: string[]): void {
  registry.vendorwatchPageCache?.purge(slugs);
}
