import http from "node:http";
import { gzipSync } from "node:zlib";

/**
 * A micro-cache in front of Next for public pages, as a reverse proxy would keep: a hit is
 * answered from memory without entering Next's render path, so a page is nearly as cheap as a
 * static file. Two kinds of page:
 * - a vendor's own (its page, incidents, feeds, badge, API detail): purged when a poll changes
 *   the vendor (the revalidate route calls purgeVendorPages), so never staler than Next's cache;
 * - the site-wide lists (home, directory and search, /status): every change of any vendor touches
 *   them, so a purge marks those in use stale and renders them again at once (at most once a second
 *   per page, however often vendors change), serving the stale page until the new one is in;
 *   those nobody asked for since their last render are dropped.
 * Entries live `ttlMs` at most. Bounded twice, by entries and by bytes, since a large vendor's page
 * is hundreds of kilobytes and a count alone would let a few thousand of them take gigabytes; the
 * oldest entries leave first, and a page larger than the whole budget is not kept.
 */
interface Entry {
  status: number;
  headers: Record<string, string>;
  identity: Buffer;
  gzip: Buffer;
  filledAt: number;
  expires: number;
  slug: string | null;
  /** Served since it was filled: a purge renders it again at once rather than dropping it. */
  served: boolean;
}

type Scope = { slug: string } | { slug: null };

const VENDOR_PATH =
  /^\/(?:vendors\/([a-z0-9-]+)(?:\/?|\/(?:feed\.atom|feed\.rss|badge\.svg)|\/incidents\/[A-Za-z0-9._~%-]{1,200})|api\/v1\/vendors\/([a-z0-9-]+))$/;
const SITE_PATHS = new Set(["/", "/status", "/vendors"]);
// The lists' own parameters; any other query string goes to Next uncached.
const LIST_PARAMS: Record<string, Set<string>> = {
  "/vendors": new Set(["q", "category", "status", "page"]),
  "/status": new Set(["page"]),
};
const DRAFT_MODE = /(^|;\s*)__prerender_bypass=/;
const KEEP_HEADERS = ["content-type", "cache-control", "vary", "link", "x-nextjs-stale-time", "x-nextjs-prerender"];
/** How long a stale site-wide page may still be served while its new render is under way. */
const SERVE_STALE_MS = 30_000;
const MIN_REFILL_GAP_MS = 1000;
// "Last checked" and staleness move on every poll without a purge; the API detail and the badge
// carry them and read them from a row cached for 15 s, so they are kept no longer than that.
const LIVE_FIELDS = /^\/(?:api\/|vendors\/[^/]+\/badge\.svg$)/;
const LIVE_TTL_MS = 15_000;

/** Which kind of cached page a request URL is, or null when it is not cached. */
export function pageScope(url: string): Scope | null {
  const q = url.indexOf("?");
  const pathname = q === -1 ? url : url.slice(0, q);
  if (q === -1) {
    const m = VENDOR_PATH.exec(pathname);
    if (m) return { slug: (m[1] ?? m[2]) as string };
    return SITE_PATHS.has(pathname) ? { slug: null } : null;
  }
  const allowed = LIST_PARAMS[pathname];
  if (!allowed) return null;
  for (const key of new URLSearchParams(url.slice(q + 1)).keys()) if (!allowed.has(key)) return null;
  return { slug: null };
}

export class PageCache {
  private entries = new Map<string, Entry>();
  private bySlug = new Map<string, Set<string>>();
  private pending = new Map<string, Promise<Entry | null>>();
  private refills = new Map<string, NodeJS.Timeout>();
  private bytes = 0;
  // Bumped by every purge: a render that started before it may hold what the purge replaced.
  private vendorGeneration = 0;
  private siteGeneration = 0;

  constructor(
    private readonly origin: () => string,
    private readonly ttlMs = 30_000,
    private readonly maxEntries = 5000,
    private readonly maxBytes = 128 * 1024 * 1024,
  ) {}

  /**
   * Only plain document requests: no RSC navigation. Cookies do not matter: these pages are the
   * same for everyone (what differs per visitor, the follow button and the account links, are
   * islands that ask /api/account), so signed-in visitors get the cached page too. Next's draft
   * mode is the one cookie that changes a page.
   */
  static cacheable(req: http.IncomingMessage): boolean {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    if (!pageScope(req.url ?? "")) return false;
    const h = req.headers;
    return (
      !h.rsc &&
      !h["next-router-prefetch"] &&
      !h["next-router-state-tree"] &&
      !h["x-vendorwatch-bypass"] &&
      !DRAFT_MODE.test(String(h.cookie ?? ""))
    );
  }

  stats() {
    return {
      entries: this.entries.size,
      bytes: this.bytes,
      pending: this.pending.size,
      maxEntries: this.maxEntries,
      maxBytes: this.maxBytes,
    };
  }

  /** These vendors changed: their own pages go, and every site-wide page turns stale. */
  purge(slugs: string[]): void {
    if (!slugs.length) return;
    this.vendorGeneration++;
    for (const slug of slugs) for (const key of this.bySlug.get(slug) ?? []) this.remove(key);
    this.purgeSite();
  }

  /** Something every list shows changed (a vendor added, removed or renamed, counts). */
  purgeSite(): void {
    this.siteGeneration++;
    const now = Date.now();
    for (const [key, entry] of [...this.entries]) {
      if (entry.slug !== null) continue;
      if (!entry.served) {
        this.remove(key);
        continue;
      }
      entry.expires = 0;
      this.refillSoon(key, entry, now);
    }
  }

  private refillSoon(key: string, entry: Entry, now = Date.now()): void {
    if (this.refills.has(key)) return;
    const timer = setTimeout(
      () => {
        this.refills.delete(key);
        void this.fill(key);
      },
      Math.max(0, entry.filledAt + MIN_REFILL_GAP_MS - now),
    );
    timer.unref();
    this.refills.set(key, timer);
  }

  clear(): void {
    for (const timer of this.refills.values()) clearTimeout(timer);
    this.refills.clear();
    this.vendorGeneration++;
    this.siteGeneration++;
    this.entries.clear();
    this.bySlug.clear();
    this.bytes = 0;
  }

  /** Answers from the cache; false when the caller should let Next handle the request. */
  async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
    const key = req.url ?? "";
    const now = Date.now();
    let entry = this.entries.get(key);
    let state = "HIT";
    if (!entry || entry.expires < now) {
      if (entry && entry.slug === null && now - entry.filledAt < SERVE_STALE_MS) {
        state = "STALE";
        if (now - entry.filledAt >= MIN_REFILL_GAP_MS) void this.fill(key);
      } else {
        // MISS: this request filled the entry (or waited for the fill), after an expiry or a purge.
        state = "MISS";
        entry = (await this.fill(key)) ?? undefined;
        if (!entry) return false;
      }
    }
    entry.served = true;
    const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    const body = gzip ? entry.gzip : entry.identity;
    res.writeHead(entry.status, {
      ...entry.headers,
      "content-length": body.length,
      ...(gzip ? { "content-encoding": "gzip" } : {}),
      "x-vendorwatch-cache": state,
    });
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  }

  private fill(key: string): Promise<Entry | null> {
    let fill = this.pending.get(key);
    if (!fill) {
      fill = this.fetch(key).finally(() => this.pending.delete(key));
      this.pending.set(key, fill);
    }
    return fill;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.identity.length + entry.gzip.length;
    if (entry.slug === null) return;
    const keys = this.bySlug.get(entry.slug);
    keys?.delete(key);
    if (keys?.size === 0) this.bySlug.delete(entry.slug);
  }

  private store(key: string, entry: Entry): void {
    this.remove(key);
    const size = entry.identity.length + entry.gzip.length;
    if (size > this.maxBytes) return;
    while (this.entries.size && (this.entries.size >= this.maxEntries || this.bytes + size > this.maxBytes))
      this.remove(this.entries.keys().next().value as string);
    this.entries.set(key, entry);
    this.bytes += size;
    if (entry.slug !== null) {
      const keys = this.bySlug.get(entry.slug) ?? new Set<string>();
      keys.add(key);
      this.bySlug.set(entry.slug, keys);
    }
  }

  /** One loopback request to Next per page and expiry, shared by everyone waiting for it. */
  private fetch(path: string): Promise<Entry | null> {
    const slug = pageScope(path)?.slug ?? null;
    const generation = slug === null ? this.siteGeneration : this.vendorGeneration;
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
            const now = Date.now();
            const entry: Entry = {
              status: 200,
              headers,
              identity,
              gzip: gzipSync(identity),
              filledAt: now,
              expires: now + (LIVE_FIELDS.test(path) ? Math.min(this.ttlMs, LIVE_TTL_MS) : this.ttlMs),
              slug,
              served: false,
            };
            // Purged while rendering: answer those who waited, but keep it only as a stale list.
            if (generation === (slug === null ? this.siteGeneration : this.vendorGeneration)) this.store(path, entry);
            else if (slug === null) {
              const stale = { ...entry, expires: 0, served: true };
              this.store(path, stale);
              this.refillSoon(path, stale, now);
            }
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

/** Called when the cross-vendor tag is revalidated without any one vendor's. */
export function purgeSitePages(): void {
  registry.vendorwatchPageCache?.purgeSite();
}
